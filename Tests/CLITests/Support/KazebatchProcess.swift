// KazebatchProcess: runs the built `kazebatch` executable as a child process for end-to-end
// tests — to completion (capturing stdout, stderr and the exit status) or in the background.

import Foundation
import XCTest

/// The sandbox did not print its `listening on` line.
struct StartFailure: Error, CustomStringConvertible {
    let line: String
    var description: String { "kazebatch sandbox did not start; first line: \"\(line)\"" }
}

/// The built `kazebatch` beside the test bundle.
enum KazebatchProcess {
    static var executable: URL {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
        return (products ?? Bundle.main.bundleURL).appendingPathComponent("kazebatch")
        #else
        return Bundle.main.bundleURL.appendingPathComponent("kazebatch")
        #endif
    }

    /// Runs `arguments` to completion.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Starts `kazebatch sandbox` on a free port with its folder `directory`; returns the port.
    /// The process is terminated when `test` ends.
    static func startSandbox(_ test: XCTestCase, directory: URL, extra: [String] = []) throws -> UInt16 {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["sandbox", "--port", "0", "--dir", directory.path] + extra
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        test.addTeardownBlock {
            process.terminate()
            process.waitUntilExit()
        }
        var bytes: [UInt8] = []
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes += chunk
        }
        let line = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let prefix = "listening on http://127.0.0.1:"
        guard line.hasPrefix(prefix), let port = UInt16(line.dropFirst(prefix.count)) else {
            throw StartFailure(line: line)
        }
        return port
    }
}
