// SandboxProcessTests: `kazebatch sandbox` as a real process — the first stdout line, the
// folder it prepares, a real client call against it, and a clean exit 0 on SIGTERM.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxProcessTests: XCTestCase {
    /// Starts `kazebatch arguments...`; it is stopped when the test ends.
    private func launch(_ arguments: [String]) throws -> KazebatchChild {
        let child = try KazebatchChild(arguments)
        addTeardownBlock { child.stop() }
        return child
    }

    func testSandboxProcessServesAClientAndStopsCleanlyOnSIGTERM() async throws {
        let directory = try makeSandboxFolder()
        let sandbox = try SandboxChild(directory: URL(fileURLWithPath: directory.path), extra: ["--cards", "2", "--seed", "4"])
        addTeardownBlock { sandbox.stop() }
        XCTAssertTrue(sandbox.line.hasPrefix("listening on http://127.0.0.1:"), sandbox.line)
        let port = sandbox.port
        let config = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: directory.file("kazebatch.json"))))).objectValue
        XCTAssertEqual(config?.text("endpoint"), "http://127.0.0.1:\(port)/")
        XCTAssertEqual(config?.text("merchantKey"), "merchant.pem")
        XCTAssertEqual(config?.text("platformPublicKey"), "platform.pub")
        XCTAssertEqual(config?.text("sysId"), "202402271432298822660001")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.file("merchant.pub")))
        let configuration = try Configuration.load(configPath: directory.file("kazebatch.json"), environment: [:], flags: [:])
        let client = try KazePayClient(configuration: configuration)
        let outcome = await client.send(CardRequest(cardID: "SB000002"), requestNo: RequestNumber.make())
        XCTAssertEqual(outcome.response?.cardHolderEmail, "user000002@sandbox.test")
        let end = sandbox.stop()
        XCTAssertEqual(end.reason, .exit)
        XCTAssertEqual(end.status, 0)
    }

    func testSIGINTRightAfterStartStopsCleanlyAndKeepsTheStateFile() throws {
        let directory = try makeSandboxFolder()
        let statePath = directory.file("state.json")
        let process = try launch(["sandbox", "--dir", directory.path, "--cards", "1", "--state", statePath])
        XCTAssertTrue(process.firstLine().hasPrefix("listening on http://127.0.0.1:"))
        process.send(SIGINT)
        let end = process.wait(limit: 20)
        XCTAssertEqual(end.reason, .exit)
        XCTAssertEqual(end.status, 0)
        let state = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: statePath)))).objectValue
        XCTAssertEqual(state?["cards"]?.arrayValue?.count, 1)
    }

    func testNewFolderGetsKeysWithPrivateModes() throws {
        let path = try temporaryFolder("kazebatch-new").path("new")
        let directory = SandboxDirectory(path: path)
        _ = try directory.prepareKeys()
        for (name, mode) in [("platform.pem", 0o600), ("merchant.pem", 0o600), ("platform.pub", 0o644), ("merchant.pub", 0o644)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(name))
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, mode, name)
        }
        let again = try directory.prepareKeys()
        XCTAssertEqual(
            try again.merchantPublicKey.pem(),
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory.file("merchant.pub"))), as: UTF8.self))
    }

    func testBadFlagsExitWithUsageError() throws {
        for arguments in [["sandbox", "--fail-rate", "2"], ["sandbox", "--merchant-balance", "-5"], ["sandbox", "--bogus"]] {
            let end = try launch(arguments + ["--dir", try makeSandboxFolder().path]).wait(limit: 20)
            XCTAssertEqual(end.status, 2, "\(arguments)")
            let message = end.stderr
            XCTAssertTrue(message.hasPrefix("kazebatch: "), message)
        }
    }
}
