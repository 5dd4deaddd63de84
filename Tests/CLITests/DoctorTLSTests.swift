// DoctorTLSTests: doctor's TLS step against `openssl s_server` on 127.0.0.1 with a throwaway
// certificate for localhost — trusted (chain, host name, days left), a host name mismatch, and
// an untrusted chain. Skipped where the openssl tool is missing.

import Foundation
import KazeTestSupport
import XCTest

final class DoctorTLSTests: XCTestCase {
    private let openssl = "/usr/bin/openssl"

    /// Runs `openssl` with `arguments` and waits for it (bounded).
    private func runOpenSSL(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openssl \(arguments.first ?? "")")
    }

    /// A TLS server on a free loopback port; returns the port.
    private func tlsServer(in folder: URL) throws -> Int {
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: openssl)
        server.arguments = ["s_server", "-accept", "127.0.0.1:0", "-naccept", "20", "-cert", "tls.crt", "-key", "tls.key", "-www"]
        server.currentDirectoryURL = folder
        server.standardOutput = handle
        server.standardError = handle
        server.standardInput = FileHandle.nullDevice
        try server.run()
        addTeardownBlock { server.terminate(); server.waitUntilExit(); try? handle.close() }
        for _ in 0..<100 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) { return port }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("openssl s_server did not start")
    }

    func testTLSStepChecksChainHostNameAndExpiry() throws {
        guard FileManager.default.isExecutableFile(atPath: openssl) else { throw XCTSkip("no \(openssl)") }
        let folder = try temporaryFolder("kazedoctor-tls").url
        try runOpenSSL(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.crt", "-days", "30",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], in: folder)
        let port = try tlsServer(in: folder)
        let keys = folder.appendingPathComponent("keys")
        XCTAssertEqual(try KazebatchChild.run(["keys", "generate", keys.path]).status, 0)
        let settings = ["--sys-id", "S1", "--merchant-key", keys.appendingPathComponent("merchant.pem").path,
                        "--platform-public-key", keys.appendingPathComponent("merchant.pub").path]
        let trust = ["SSL_CERT_FILE": folder.appendingPathComponent("tls.crt").path]

        let trusted = try KazebatchChild.run(["doctor", "--endpoint", "https://localhost:\(port)/"] + settings, in: folder, environment: trust)
        XCTAssertTrue(trusted.stdout.contains("✓ TLS: TLSv1."), trusted.stdout)
        XCTAssertTrue(trusted.stdout.contains("chain and host name localhost verified, certificate valid for 29 more days")
                      || trusted.stdout.contains("valid for 30 more days"), trusted.stdout)
        let mismatch = try KazebatchChild.run(["doctor", "--endpoint", "https://127.0.0.1:\(port)/"] + settings, in: folder, environment: trust)
        XCTAssertTrue(mismatch.stdout.contains("✗ TLS: certificate not trusted: IP address mismatch"), mismatch.stdout)
        XCTAssertEqual(mismatch.status, 1)
        let untrusted = try KazebatchChild.run(["doctor", "--endpoint", "https://localhost:\(port)/"] + settings, in: folder,
                                               environment: ["SSL_CERT_FILE": "/nonexistent"])
        XCTAssertTrue(untrusted.stdout.contains("✗ TLS: certificate not trusted: self-signed certificate"), untrusted.stdout)
        XCTAssertTrue(untrusted.stdout.contains("    fix: "), untrusted.stdout)
    }
}
