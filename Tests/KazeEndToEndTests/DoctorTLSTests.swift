// DoctorTLSTests: doctor's TLS step against `openssl s_server` on 127.0.0.1 with a throwaway
// certificate for localhost — trusted (chain, host name, days left), a host name mismatch, and
// an untrusted chain — and against `kazebatch sandbox --tls` with its caFile and the right or a
// wrong pin. Skipped where the openssl tool is missing.

import Foundation
import KazeSandbox
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
        addTeardownBlock {
            server.terminate()
            server.waitUntilExit()
            try? handle.close()
        }
        for _ in 0..<100 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) })
            {
                return port
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("openssl s_server did not start")
    }

    func testTLSStepChecksChainHostNameAndExpiry() throws {
        guard FileManager.default.isExecutableFile(atPath: openssl) else { throw XCTSkip("no \(openssl)") }
        let folder = try temporaryFolder("kazedoctor-tls").url
        try runOpenSSL(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.crt", "-days", "30",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            ], in: folder)
        let port = try tlsServer(in: folder)
        let keys = folder.appendingPathComponent("keys")
        XCTAssertEqual(try KazebatchChild.run(["keys", "generate", keys.path]).status, 0)
        // s_server -www never answers the probe's POST: a short answer timeout keeps the test quick.
        let settings = [
            "--sys-id", "S1", "--merchant-key", keys.appendingPathComponent("merchant.pem").path,
            "--platform-public-key", keys.appendingPathComponent("merchant.pub").path, "--timeout", "1",
        ]
        let trust = ["SSL_CERT_FILE": folder.appendingPathComponent("tls.crt").path]

        let trusted = try KazebatchChild.run(
            ["doctor", "--endpoint", "https://localhost:\(port)/"] + settings, in: folder, environment: trust)
        XCTAssertTrue(trusted.stdout.contains("✓ TLS: TLSv1."), trusted.stdout)
        XCTAssertTrue(
            trusted.stdout.contains(
                "chain (trusting the system trust store) and host name localhost verified,"
                    + " certificate valid for 29 more days")
                || trusted.stdout.contains("valid for 30 more days"), trusted.stdout)
        XCTAssertTrue(trusted.stdout.contains("- pins: not applicable (no pinnedKeys are configured)"), trusted.stdout)
        let mismatch = try KazebatchChild.run(
            ["doctor", "--endpoint", "https://127.0.0.1:\(port)/"] + settings, in: folder, environment: trust)
        XCTAssertTrue(mismatch.stdout.contains("✗ TLS: wrong host: the server's certificate is not for 127.0.0.1"), mismatch.stdout)
        XCTAssertEqual(mismatch.status, 1)
        let untrusted = try KazebatchChild.run(
            ["doctor", "--endpoint", "https://localhost:\(port)/"] + settings, in: folder,
            environment: ["SSL_CERT_FILE": "/nonexistent"])
        XCTAssertTrue(
            untrusted.stdout.contains("✗ TLS: unknown CA: the certificate of localhost is not issued by a CA in the system trust store"),
            untrusted.stdout)
        XCTAssertTrue(untrusted.stdout.contains("    fix: "), untrusted.stdout)
    }

    func testSandboxTLSWithCAFileAndPins() throws {
        guard FileManager.default.isExecutableFile(atPath: openssl) else { throw XCTSkip("no \(openssl)") }
        let directory = try temporaryFolder("kazedoctor-pins").url.appendingPathComponent("sandbox")
        let sandbox = try SandboxChild(directory: directory, extra: ["--tls"])
        addTeardownBlock { sandbox.stop() }
        let pin = try serverPin(directory.appendingPathComponent("server.pem"))
        let work = try temporaryFolder("kazedoctor-pins-work").url

        let pinned = try KazebatchChild.run(["doctor", "--config", sandbox.configPath, "--pinned-keys", pin], in: work)
        XCTAssertEqual(pinned.status, 0, pinned.stdout + pinned.stderr)
        XCTAssertTrue(
            pinned.stdout.contains("chain (trusting \(directory.appendingPathComponent("ca.pem").path)) and host name 127.0.0.1 verified"),
            "the caFile of the sandbox's config is the trust: \(pinned.stdout)")
        XCTAssertTrue(
            pinned.stdout.contains("✓ pins: pin-sha256 \"\(pin)\" matches a key of the server's certificate chain"), pinned.stdout)
        XCTAssertTrue(pinned.stdout.contains("✓ probe queryUcardKycStatus:"), pinned.stdout)

        let wrongPin = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        let wrong = try KazebatchChild.run(["doctor", "--config", sandbox.configPath, "--pinned-keys", wrongPin], in: work)
        XCTAssertEqual(wrong.status, 1, wrong.stdout + wrong.stderr)
        XCTAssertTrue(wrong.stdout.contains("✓ TLS: TLSv1."), "the chain itself is fine: \(wrong.stdout)")
        XCTAssertTrue(
            wrong.stdout.contains(
                "✗ pins: pin mismatch: no key of the server's certificate chain matches pinnedKeys"
                    + " (the server's key is pin-sha256 \"\(pin)\")"), wrong.stdout)
        XCTAssertTrue(wrong.stdout.contains("    fix: if KazePay announced a new key, add \"\(pin)\" to pinnedKeys"), wrong.stdout)
        XCTAssertFalse(wrong.stdout.contains("probe queryUcardKycStatus"), "no call to a server that fails its pins: \(wrong.stdout)")

        let noCA = try KazebatchChild.run(["doctor", "--config", sandbox.configPath, "--ca-file", "/etc/hostname"], in: work)
        XCTAssertEqual(noCA.status, 1, noCA.stdout)
        XCTAssertTrue(noCA.stdout.contains("✗ TLS: CA file /etc/hostname cannot be used: no PEM certificate in it"), noCA.stdout)
        XCTAssertTrue(noCA.stdout.contains("fix: check the endpoint's host name and that caFile /etc/hostname holds the CA"), noCA.stdout)
    }

    func testAnExpiredCertificateIsNamedWithAFix() throws {
        let directory = try temporaryFolder("kazedoctor-expired").url.appendingPathComponent("sandbox")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The sandbox keeps the certificates it finds in its folder: leave it ones that expired a week ago.
        try TLSCertificateAuthority.create(
            TLSFiles(directory: directory.path), names: ["127.0.0.1", "localhost"],
            validFrom: Date().addingTimeInterval(-10 * 86_400), days: 3)
        let sandbox = try SandboxChild(directory: directory, extra: ["--tls"])
        addTeardownBlock { sandbox.stop() }
        let work = try temporaryFolder("kazedoctor-expired-work").url
        let expired = try KazebatchChild.run(["doctor", "--config", sandbox.configPath], in: work)
        XCTAssertEqual(expired.status, 1, expired.stdout + expired.stderr)
        XCTAssertTrue(expired.stdout.contains("✗ TLS: certificate expired"), expired.stdout)
        XCTAssertTrue(expired.stdout.contains("    fix: "), expired.stdout)
        XCTAssertFalse(expired.stdout.contains("probe queryUcardKycStatus"), "no call to a server whose certificate is refused")
    }

    /// The pin-sha256 of the certificate at `certificate`, as the openssl tool computes it.
    private func serverPin(_ certificate: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            "\(openssl) x509 -in \"$1\" -pubkey -noout | \(openssl) pkey -pubin -outform der"
                + " | \(openssl) dgst -sha256 -binary | base64", "pin", certificate.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pin = text.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(pin.count, 44, "a base64 SHA-256: \(text)")
        return pin
    }
}
