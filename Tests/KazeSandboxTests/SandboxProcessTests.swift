// SandboxProcessTests: `kazebatch sandbox` as a real process — the first stdout line, the
// folder it prepares, a real client call against it, and a clean exit 0 on SIGTERM.

import Foundation
import KazeClient
import KazeProtocol
import XCTest
@testable import KazeSandbox

final class SandboxProcessTests: XCTestCase {
    /// The built `kazebatch` executable beside the test bundle.
    private var executable: URL {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
        return (products ?? Bundle.main.bundleURL).appendingPathComponent("kazebatch")
        #else
        return Bundle.main.bundleURL.appendingPathComponent("kazebatch")
        #endif
    }

    private func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), "build kazebatch first: \(executable.path)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        addTeardownBlock { if process.isRunning { process.terminate() } }
        return (process, output, errors)
    }

    /// The first line the process writes to stdout (bounded by the 20 s pipe read).
    private func firstLine(_ pipe: Pipe) -> String {
        var bytes: [UInt8] = []
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    func testSandboxProcessServesAClientAndStopsCleanlyOnSIGTERM() async throws {
        let directory = try makeSandboxFolder()
        let (process, output, _) = try launch(["sandbox", "--port", "0", "--dir", directory.path, "--cards", "2", "--seed", "4"])
        let line = firstLine(output)
        XCTAssertTrue(line.hasPrefix("listening on http://127.0.0.1:"), line)
        let port = try XCTUnwrap(UInt16(line.dropFirst("listening on http://127.0.0.1:".count)))
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
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testSIGINTRightAfterStartStopsCleanlyAndKeepsTheStateFile() throws {
        let directory = try makeSandboxFolder()
        let statePath = directory.file("state.json")
        let (process, output, _) = try launch(["sandbox", "--dir", directory.path, "--cards", "1", "--state", statePath])
        XCTAssertTrue(firstLine(output).hasPrefix("listening on http://127.0.0.1:"))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        let state = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: statePath)))).objectValue
        XCTAssertEqual(state?["cards"]?.arrayValue?.count, 1)
    }

    func testNewFolderGetsKeysWithPrivateModes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kazebatch-new-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = SandboxDirectory(path: path)
        _ = try directory.prepareKeys()
        for (name, mode) in [("platform.pem", 0o600), ("merchant.pem", 0o600), ("platform.pub", 0o644), ("merchant.pub", 0o644)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(name))
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, mode, name)
        }
        let again = try directory.prepareKeys()
        XCTAssertEqual(try again.merchantPublicKey.pem(), String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory.file("merchant.pub"))), as: UTF8.self))
    }

    func testBadFlagsExitWithUsageError() throws {
        for arguments in [["sandbox", "--fail-rate", "2"], ["sandbox", "--merchant-balance", "-5"], ["sandbox", "--bogus"]] {
            let (process, _, errors) = try launch(arguments + ["--dir", try makeSandboxFolder().path])
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 2, "\(arguments)")
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertTrue(message.hasPrefix("kazebatch: "), message)
        }
    }
}
