// SandboxFlagTests: the new `kazebatch sandbox` flags from the command line — every bad,
// out-of-range or lonely companion value exits 2 naming its flag; good ones reach the settings.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

final class SandboxFlagTests: XCTestCase {
    func testBadValuesExit2NamingTheFlag() throws {
        let directory = try makeSandboxFolder().path
        let cases: [([String], String)] = [
            (["--gateway-error-after-commit", "1.5"], "--gateway-error-after-commit"),
            (["--late-commit-rate", "2"], "--late-commit-rate"),
            (["--late-commit-rate", "0.1", "--late-commit-ms", "-1"], "--late-commit-ms"),
            (["--late-commit-ms", "100"], "--late-commit-ms"),
            (["--recharge-fail-rate", "-0.1"], "--recharge-fail-rate"),
            (["--pending-ms", "100"], "--pending-ms"),
            (["--recharge-fail-rate", "0.5", "--pending-ms", "soon"], "--pending-ms"),
            (["--clock-offset-s", "1.5"], "--clock-offset-s"),
            (["--utc-offset", "+25:00"], "--utc-offset"),
            (["--utc-offset", "8"], "--utc-offset"),
            (["--purchases", "-1"], "--purchases"),
            (["--page-size-cap", "0"], "--page-size-cap"),
            (["--page-size-cap", "101"], "--page-size-cap"),
            (["--dedupe", "sometimes"], "--dedupe"),
            (["--rate-limit-style", "429"], "--rate-limit-style"),
            (["--rate-limit", "5", "--rate-limit-style", "often"], "--rate-limit-style"),
            (["--timeout-hang-ms", "100"], "--timeout-hang-ms"),
        ]
        for (flags, named) in cases {
            let end = try KazebatchChild.run(["sandbox", "--dir", directory] + flags, limit: 20)
            XCTAssertEqual(end.status, 2, "\(flags)")
            XCTAssertTrue(end.stderr.hasPrefix("kazebatch: "), "\(flags): \(end.stderr)")
            XCTAssertTrue(end.stderr.contains(named), "\(flags): \(end.stderr)")
            XCTAssertTrue(end.stdout.isEmpty, "\(flags) never starts")
        }
    }

    func testGoodValuesReachTheSettingsAndABareDedupeMeansReplay() async throws {
        let directory = try makeSandboxFolder()
        let sandbox = try SandboxChild(
            directory: URL(fileURLWithPath: directory.path),
            extra: [
                "--cards", "1", "--dedupe", "--utc-offset", "-05:30", "--clock-offset-s", "-60", "--late-commit-rate", "0",
                "--late-commit-ms", "250", "--recharge-fail-rate", "0.25", "--pending-ms", "10", "--rate-limit", "100",
                "--rate-limit-style", "envelope", "--gateway-error-after-commit", "0", "--page-size-cap", "20", "--purchases", "2",
            ])
        addTeardownBlock { sandbox.stop() }
        let state = try await SandboxEndpoints(port: sandbox.port).state()
        let settings = try XCTUnwrap(state["settings"]?.objectValue)
        XCTAssertEqual(settings.text("dedupe"), "replay")
        XCTAssertEqual(settings.text("utc-offset"), "-05:30")
        XCTAssertEqual(settings["clock-offset-s"], .number("-60"))
        XCTAssertEqual(settings["late-commit-ms"], .number("250"))
        XCTAssertEqual(settings["recharge-fail-rate"], .number("0.25"))
        XCTAssertEqual(settings["pending-ms"], .number("10"))
        XCTAssertEqual(settings.text("rate-limit-style"), "envelope")
        XCTAssertEqual(settings["page-size-cap"], .number("20"))
        XCTAssertEqual(state["transactions"]?.arrayValue?.count, 2)
        XCTAssertEqual(sandbox.stop().status, 0)
    }
}
