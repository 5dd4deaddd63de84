// DoctorTests: `kazebatch doctor` against real sandboxes — a good setup, each non-default crypto
// profile with a client config left at the defaults (the working settings are found), a wrong
// merchant key, and an unreachable endpoint.

import Foundation
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class DoctorTests: XCTestCase {
    private func sandbox(_ name: String, _ extra: [String] = []) throws -> SandboxChild {
        let directory = try temporaryFolder("kazedoctor-\(name)").url.appendingPathComponent("sandbox")
        let sandbox = try SandboxChild(directory: directory, extra: extra)
        addTeardownBlock { sandbox.stop() }
        return sandbox
    }

    private func doctor(_ arguments: [String]) throws -> ChildResult {
        try KazebatchChild.run(["doctor"] + arguments, in: try temporaryFolder("kazedoctor-work").url)
    }

    func testGoodSetupPassesEveryCheck() throws {
        let good = try sandbox("good", ["--aes-mode", "cbc-zero-iv"])
        let config = try String(contentsOfFile: good.configPath, encoding: .utf8)
        XCTAssertTrue(config.contains(#""aesMode":"cbc-zero-iv""#), "the sandbox writes its profile into the client config: \(config)")
        let result = try doctor(["--config", good.configPath])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        for title in ["configuration", "merchant key", "platform key", "DNS", "TCP", "clock", "probe queryUcardKycStatus"] {
            XCTAssertTrue(result.stdout.contains("✓ \(title):"), "\(title): \(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("- TLS: not applicable (http on this machine)"), result.stdout)
        XCTAssertFalse(result.stdout.contains("✗"), result.stdout)
        let card = try doctor(["--config", good.configPath, "--probe-card", "NOPE0001"])
        XCTAssertEqual(card.status, 0, "NOT_FOUND in an envelope that opens is a success: \(card.stdout)")
        XCTAssertTrue(card.stdout.contains("✓ probe queryCard: answered NOT_FOUND"), card.stdout)
    }

    func testWrongProfileIsFoundForEachNonDefaultSetting() throws {
        let cases = [
            (["--sign-digest", "sha1"], "--sign-digest sha1 --aes-key-bits 128 --aes-mode ecb"),
            (["--aes-key-bits", "256"], "--sign-digest sha256 --aes-key-bits 256 --aes-mode ecb"),
            (["--aes-mode", "cbc-zero-iv"], "--sign-digest sha256 --aes-key-bits 128 --aes-mode cbc-zero-iv"),
        ]
        for (flags, working) in cases {
            let platform = try sandbox("profile", flags + ["--config-profile", "default"])
            let result = try doctor(["--config", platform.configPath])
            XCTAssertEqual(result.status, 1, "\(flags): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("✗ probe queryUcardKycStatus:"), result.stdout)
            XCTAssertTrue(result.stdout.contains("the probe works with: \(working)\n"), "\(flags): \(result.stdout)")
            platform.stop()
        }
    }

    func testWrongKeyAndUnreachableEndpointFailWithAFix() throws {
        let platform = try sandbox("wrongkey")
        let other = try temporaryFolder("kazedoctor-keys").url.appendingPathComponent("keys")
        XCTAssertEqual(try KazebatchChild.run(["keys", "generate", other.path]).status, 0)
        let wrong = try doctor(["--config", platform.configPath, "--merchant-key", other.appendingPathComponent("merchant.pem").path])
        XCTAssertEqual(wrong.status, 1, wrong.stdout)
        XCTAssertTrue(
            wrong.stdout.contains("✓ merchant key:") && wrong.stdout.contains("matches"), "its own merchant.pub matches: \(wrong.stdout)")
        XCTAssertTrue(wrong.stdout.contains("✗ crypto profile: no combination"), wrong.stdout)
        XCTAssertTrue(wrong.stdout.contains("fix: the keys or sysId do not match"), wrong.stdout)

        let mismatched = try temporaryFolder("kazedoctor-mismatch").url
        try FileManager.default.copyItem(
            at: other.appendingPathComponent("merchant.pem"), to: mismatched.appendingPathComponent("merchant.pem"))
        try FileManager.default.copyItem(
            at: platform.directory.appendingPathComponent("merchant.pub"), to: mismatched.appendingPathComponent("merchant.pub"))
        let beside = try doctor(["--config", platform.configPath, "--merchant-key", mismatched.appendingPathComponent("merchant.pem").path])
        XCTAssertEqual(beside.status, 1)
        XCTAssertTrue(beside.stdout.contains("does not match \(mismatched.appendingPathComponent("merchant.pub").path)"), beside.stdout)

        let down = try doctor(["--config", platform.configPath, "--endpoint", "http://127.0.0.1:1/"])
        XCTAssertEqual(down.status, 1)
        XCTAssertTrue(down.stdout.contains("✗ TCP: cannot connect to 127.0.0.1 port 1"), down.stdout)
        XCTAssertTrue(down.stdout.contains("fix: check that the platform"), down.stdout)
        XCTAssertEqual(try doctor(["extra"]).status, 2)
    }

    func testClockFarOffIsFlagged() throws {
        let late = try sandbox("clock", ["--clock-offset-s", "900"])
        let result = try doctor(["--config", late.configPath])
        XCTAssertEqual(result.status, 1, result.stdout)
        let prefix = "✗ clock: the platform's clock is +"
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }
        let seconds = line.flatMap { Double($0.dropFirst(prefix.count).prefix { $0 != " " }) }
        XCTAssertEqual(seconds ?? 0, 900, accuracy: 5, result.stdout)
        XCTAssertTrue(result.stdout.contains("✓ probe queryUcardKycStatus:"), "the probe itself works: \(result.stdout)")
    }

    func testLinesAndProbeRequest() {
        XCTAssertEqual(DoctorLine.fail("TCP", "refused", fix: "start it").text, "✗ TCP: refused\n    fix: start it")
        XCTAssertEqual(DoctorLine.notApplicable("TLS", "http").text, "- TLS: not applicable (http)")
        XCTAssertEqual(DoctorCommand.probeRequest(card: "C1").operation, .card)
        XCTAssertEqual(DoctorCommand.probeRequest(card: nil).body["email"], .string(DoctorCommand.probeEmail))
    }
}
