// ChildProcessTests: the shared child-process support against the real binary — environment
// and stdin reach the child, a child past its time limit is killed, a sandbox that cannot start
// is reported with what it printed.

import Foundation
import KazeTestSupport
import XCTest

final class ChildProcessTests: XCTestCase {
    func testEnvironmentReachesTheChild() throws {
        let folder = try temporaryFolder("kazebatch-child")
        try FileManager.default.copyItem(at: PackageFolder.sample("recharge.csv"), to: folder.url.appendingPathComponent("recharge.csv"))
        let environment = [
            "KAZEBATCH_SYS_ID": "S1", "KAZEBATCH_ENDPOINT": "http://127.0.0.1:1/",
            "KAZEBATCH_MERCHANT_KEY": folder.path("merchant.pem"), "KAZEBATCH_PLATFORM_PUBLIC_KEY": folder.path("platform.pub"),
            "KAZEBATCH_RATE": "abc",
        ]
        let result = try KazebatchChild.run(["plan", "recharge", "recharge.csv"], in: folder.url, environment: environment)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("KAZEBATCH_RATE: expected requests per second"), result.stderr)
    }

    func testStdinTheChildIgnoresNeitherBlocksNorKillsTheTests() throws {
        let folder = try temporaryFolder("kazebatch-child")
        let input = folder.url.appendingPathComponent("recharge.csv")
        try FileManager.default.copyItem(at: PackageFolder.sample("recharge.csv"), to: input)
        let result = try KazebatchChild.run(["validate", "recharge", input.path], stdin: Data(repeating: 0x41, count: 1 << 20))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.timedOut)
        XCTAssertTrue(result.stdout.contains("valid    10"), result.stdout)
    }

    func testAChildPastItsLimitIsKilled() throws {
        let folder = try temporaryFolder("kazebatch-child")
        let sandbox = try KazebatchChild(["sandbox", "--port", "0", "--dir", folder.path("sandbox")])
        XCTAssertTrue(sandbox.firstLine().hasPrefix("listening on http://127.0.0.1:"))
        let result = sandbox.wait(limit: 0.5)
        XCTAssertTrue(result.timedOut)
        XCTAssertEqual(result.reason, .uncaughtSignal)
        XCTAssertEqual(result.status, SIGKILL)
    }

    func testASandboxThatCannotStartIsReportedWithItsOutput() throws {
        let folder = try temporaryFolder("kazebatch-child")
        XCTAssertThrowsError(try SandboxChild(directory: folder.url.appendingPathComponent("sandbox"), extra: ["--bogus"])) { error in
            guard case .sandboxDidNotStart(let line, let stderr) = error as? TestSupportError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, "")
            XCTAssertTrue(stderr.hasPrefix("kazebatch: "), stderr)
        }
    }
}
