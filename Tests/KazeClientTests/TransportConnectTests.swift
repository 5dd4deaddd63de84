// TransportConnectTests: failures before the request exists are "not sent" — nothing listening,
// or a listener whose queue is full so the connection never completes (connect timeout) — and a
// server that goes away before reading a large request leaves it in doubt.

import Foundation
import XCTest

@testable import KazeClient

final class TransportConnectTests: XCTestCase {
    func testAConnectionThatNeverCompletesIsNotSentAfterTheConnectTimeout() async throws {
        let (listener, port) = try fullListener()
        defer { listener.forEach { close($0) } }
        let configuration = Configuration(
            endpoint: try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/api")), sysId: "S1", merchantKeyPath: "/unused",
            platformPublicKeyPath: "/unused", timeoutSeconds: 5, connectTimeoutSeconds: 0.3)
        let transport = HTTPTransport(settings: TransportSettings(configuration), opener: try ConnectionOpener(configuration))
        let result = await transport.post([])
        XCTAssertEqual(result, .notSent(reason: "connect timed out (127.0.0.1 port \(port))"))
    }

    func testAServerThatClosesBeforeReadingALargeRequestLeavesItInDoubt() async throws {
        let server = try ScriptedServer { event in
            if case .accepted = event { return [.close] }
            return []
        }
        addTeardownBlock { server.stop() }
        let result = try await testTransport(port: server.port).post([UInt8](repeating: 0x20, count: 8 * 1024 * 1024))
        let reason = try XCTUnwrap(result.unknownReason, result.summary)
        // Usually the write fails (reset); should the kernel take all 8 MiB first, the read does.
        XCTAssertTrue(
            reason.hasPrefix("connection lost while sending the request: ")
                || reason.hasPrefix("connection lost while waiting for the answer: "), reason)
        XCTAssertEqual(server.requestCount, 0)
    }

    /// A loopback listener that never accepts, with its queue filled by other connections, so a
    /// new connection attempt gets no answer; the descriptors to close, and the port.
    private func fullListener() throws -> ([Int32], UInt16) {
        let (listener, port) = try ScriptedServer.listen(host: "127.0.0.1", backlog: 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var descriptors = [listener]
        for _ in 0..<3 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            _ = fcntl(filler, F_SETFL, O_NONBLOCK)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            descriptors.append(filler)
        }
        usleep(100_000)
        return (descriptors, port)
    }
}
