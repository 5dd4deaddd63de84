// BinaryRunner: runs the built `kazebatch` executable as a real process — commands to
// completion (bounded), runs to be killed, and a `kazebatch sandbox` process.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KazeProtocol
import XCTest

/// The built executable and helpers to run it.
enum BinaryRunner {
    /// `.build/debug/kazebatch` of this package (built by `swift build` / `swift test`).
    static var executable: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/kazebatch")
    }

    /// Fails the test when the executable was not built.
    static func requireExecutable() throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw NSError(domain: "kazebatch-test", code: 2, userInfo: [
                NSLocalizedDescriptionKey: "\(executable.path) is missing: run `swift build` before the tests"])
        }
    }

    /// Starts `kazebatch arguments...` in `folder` with stdout/stderr captured.
    static func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs a command to completion (killed after `limit` seconds) and returns its exit
    /// status and output.
    static func run(_ arguments: [String], in folder: URL, limit: Double = 120) throws -> (status: Int32, out: String, err: String) {
        let (process, out, err) = try start(arguments, in: folder)
        let outData = Collector(out), errData = Collector(err)
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, outData.text(), errData.text())
    }

    /// Reads a pipe on a background thread so the child never blocks on a full pipe.
    final class Collector: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread { [self] in
                let all = handle.readDataToEndOfFile()
                lock.withLock { data = all }
                done.signal()
            }.start()
        }
        func text() -> String {
            done.wait()
            return lock.withLock { String(decoding: data, as: UTF8.self) }
        }
    }
}

/// A `kazebatch sandbox` child process.
final class SandboxProcess {
    let process: Process
    let port: Int
    let configPath: String

    /// Starts it in `folder/sandbox` with `extra` flags and waits for its listening line.
    init(folder: URL, extra: [String]) throws {
        let directory = folder.appendingPathComponent("sandbox").path
        let (process, out, _) = try BinaryRunner.start(["sandbox", "--port", "0", "--dir", directory] + extra, in: folder)
        self.process = process
        var line = Data()
        let handle = out.fileHandleForReading
        while !line.contains(0x0A) {
            let byte = handle.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines),
              let port = Int(portText) else {
            process.terminate()
            throw NSError(domain: "kazebatch-test", code: 1, userInfo: [NSLocalizedDescriptionKey: "sandbox said \(text)"])
        }
        self.port = port
        configPath = directory + "/kazebatch.json"
    }

    /// `GET /_sandbox/state`.
    func state() async throws -> JSONValue {
        guard let stateURL = URL(string: "http://127.0.0.1:\(port)/_sandbox/state") else { return .null }
        let (data, _) = try await URLSession.shared.data(from: stateURL)
        return try JSONValue.parse(Array(data))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
