// TLSTransportTests: the client's TLS against the sandbox's HTTPS server with a throw-away CA —
// trusted through caFile, refused without it (the system store does not know it), pinning (a
// wrong pin refuses, a right one of any chain key accepts), a certificate for another host or
// past its end date refused — every refusal "not sent", naming the problem — and kept-alive TLS
// connections reused safely.

internal import COpenSSL
import Foundation
import KazeCrypto
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeClient

final class TLSTransportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("kazetls").url
    }

    /// An HTTPS server with a new identity for `names`, answering `n<request number>`, and its files.
    private func server(
        names: [String] = TLSCertificateAuthority.loopbackNames, validFrom: Date = Date().addingTimeInterval(-3_600),
        days: Int = 30, idleSeconds: Double = 30
    ) throws -> (port: UInt16, files: TLSFiles, counter: Counter) {
        let files = TLSFiles(directory: folder.path)
        try TLSCertificateAuthority.create(files, names: names, validFrom: validFrom, days: days)
        let counter = Counter()
        let limits = HTTPLimits(idleTimeoutSeconds: idleSeconds)
        let server = HTTPServer(port: 0, limits: limits, tls: try TLSServerContext(files: files)) { _ in
            .text(status: 200, "n\(counter.next())")
        }
        let port = try server.start()
        addTeardownBlock { server.stop() }
        return (port, files, counter)
    }

    private func notSentReason(_ result: TransportResult, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard case .notSent(let reason) = result else {
            XCTFail("expected not sent, got \(result.summary)", file: file, line: line)
            return ""
        }
        return reason
    }

    func testTrustedThroughCAFile() async throws {
        let (port, files, counter) = try server()
        for host in ["127.0.0.1", "localhost"] {
            let transport = try testTransport(port: port, host: host, scheme: "https", caFile: files.caCertificatePath)
            let results = [await transport.post([]), await transport.post([])]
            XCTAssertEqual(results.map { $0.answerText?.status }, [200, 200], host)
            XCTAssertEqual(transport.connectionsOpened, 1, "\(host): the TLS connection is kept alive and reused")
        }
        XCTAssertEqual(counter.count, 4)
    }

    func testAnIdleTLSConnectionTheServerClosedIsNotWrittenTo() async throws {
        let (port, files, counter) = try server(idleSeconds: 0.1)
        let transport = try testTransport(port: port, scheme: "https", caFile: files.caCertificatePath)
        var bodies: [String?] = []
        for _ in 0..<2 {
            bodies.append(await transport.post([]).answerText?.body)
            try await Task.sleep(for: .milliseconds(600))
        }
        XCTAssertEqual(bodies, ["n0\n", "n1\n"])
        XCTAssertEqual(counter.count, 2, "each request sent exactly once")
        XCTAssertEqual(transport.connectionsOpened, 2)
    }

    func testUnknownCAIsRefusedWithoutCAFile() async throws {
        let (port, _, counter) = try server()
        let result = try await testTransport(port: port, scheme: "https").post([])
        XCTAssertTrue(
            notSentReason(result).hasPrefix(
                "TLS: unknown CA: the certificate of 127.0.0.1 is not issued by a CA in the system trust store"),
            notSentReason(result))
        XCTAssertEqual(counter.count, 0)
    }

    func testPins() async throws {
        let (port, files, counter) = try server()
        let wrong = Base64.encode([UInt8](repeating: 7, count: 32))
        let refused = try await testTransport(port: port, scheme: "https", caFile: files.caCertificatePath, pinnedKeys: [wrong]).post([])
        XCTAssertTrue(
            notSentReason(refused).hasPrefix("TLS: pin mismatch: no key of the server's certificate chain matches pinnedKeys"),
            notSentReason(refused))
        XCTAssertEqual(counter.count, 0)
        for pem in [files.certificatePath, files.caCertificatePath] {
            let pin = try XCTUnwrap(certificatePin(pem))
            XCTAssertTrue(notSentReason(refused).contains(pin) || pem == files.caCertificatePath, "the message shows the server's pin")
            let accepted = try await testTransport(
                port: port, scheme: "https", caFile: files.caCertificatePath,
                pinnedKeys: [wrong, pin]
            ).post([])
            XCTAssertEqual(accepted.answerText?.status, 200, "pin of \(pem)")
        }
    }

    func testCertificateForAnotherHostIsRefused() async throws {
        let (port, files, counter) = try server(names: ["kazepay.test"])
        let result = try await testTransport(port: port, scheme: "https", caFile: files.caCertificatePath).post([])
        XCTAssertEqual(notSentReason(result), "TLS: wrong host: the server's certificate is not for 127.0.0.1")
        XCTAssertEqual(counter.count, 0)
    }

    func testExpiredCertificateIsRefused() async throws {
        let (port, files, _) = try server(validFrom: Date().addingTimeInterval(-10 * 86_400), days: 2)
        let result = try await testTransport(port: port, scheme: "https", caFile: files.caCertificatePath).post([])
        XCTAssertTrue(notSentReason(result).hasPrefix("TLS: certificate expired"), notSentReason(result))
    }

    func testAnUnusableCAFileIsAConfigurationError() throws {
        let missing = folder.appendingPathComponent("none.pem").path
        XCTAssertThrowsError(try testTransport(port: 1, scheme: "https", caFile: missing)) {
            XCTAssertEqual("\($0)", "CA file \(missing) cannot be used: it does not exist or cannot be read")
        }
        let notPEM = folder.appendingPathComponent("not.pem")
        try Data("hello".utf8).write(to: notPEM)
        XCTAssertThrowsError(try testTransport(port: 1, scheme: "https", caFile: notPEM.path)) {
            XCTAssertTrue("\($0)".hasPrefix("CA file \(notPEM.path) cannot be used: no PEM certificate in it"), "\($0)")
        }
    }

    /// The pin-sha256 of the certificate in the PEM file at `path`.
    private func certificatePin(_ path: String) throws -> String? {
        let bio = try XCTUnwrap(BIO_new_file(path, "r"))
        defer { BIO_free(bio) }
        let certificate = try XCTUnwrap(PEM_read_bio_X509(bio, nil, nil, nil))
        defer { X509_free(certificate) }
        return PublicKeyPins.pin(of: certificate)
    }
}
