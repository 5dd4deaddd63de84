// SandboxTLSTests: `kazebatch sandbox --tls` as a real process — it makes its throw-away CA and
// certificate once in its folder, says `listening on https://...`, writes a client config with
// caFile that a client uses as is, and keeps the same CA on the next start.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

final class SandboxTLSTests: XCTestCase {
    func testSandboxServesHTTPSWithItsOwnCA() async throws {
        let directory = try temporaryFolder("kazetls").url
        var caText = ""
        for round in 0..<2 {
            let sandbox = try SandboxChild(directory: directory, extra: ["--tls", "--cards", "1"])
            addTeardownBlock { sandbox.stop() }
            XCTAssertTrue(sandbox.line.hasPrefix("listening on https://127.0.0.1:"), sandbox.line)
            let config = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: sandbox.configPath)))).objectValue
            XCTAssertEqual(config?["endpoint"]?.stringValue, "https://127.0.0.1:\(sandbox.port)/")
            XCTAssertEqual(config?["caFile"]?.stringValue, "ca.pem")
            let key = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("server-key.pem").path)
            XCTAssertEqual((key[.posixPermissions] as? NSNumber)?.intValue, 0o600)
            let ca = try String(contentsOf: directory.appendingPathComponent("ca.pem"), encoding: .utf8)
            if round == 1 { XCTAssertEqual(ca, caText, "the CA is made once") }
            caText = ca
            let client = try KazePayClient(
                configuration: try Configuration.load(configPath: sandbox.configPath, environment: [:], flags: [:]))
            let outcome = await client.send(CardRequest(cardID: "SB000001"), requestNo: RequestNumber.make())
            XCTAssertEqual(outcome.response?.cardHolderEmail, "user000001@sandbox.test")
            var untrusted = try Configuration.load(configPath: sandbox.configPath, environment: [:], flags: [:])
            untrusted.caFilePath = nil
            let refused = try await KazePayClient(configuration: untrusted).send(
                CardRequest(cardID: "SB000001"), requestNo: RequestNumber.make())
            guard case .notSent(let reason) = refused.outcome else { return XCTFail("\(refused.outcome)") }
            XCTAssertTrue(reason.hasPrefix("TLS: unknown CA"), reason)
            XCTAssertEqual(sandbox.stop().status, 0)
        }
    }
}
