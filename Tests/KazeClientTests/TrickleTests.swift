// TrickleTests: the transport's own deadline. A server that starts an answer and then keeps
// sending a byte now and then never finishes it; a per-byte timeout alone would never end such
// a call (FoundationNetworking's did not) — it ends as `unknown` (the request was sent) after
// twice the timeout. And a sub-second timeout lets a quick answer through.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

final class TrickleTests: XCTestCase {
    func testAnAnswerThatNeverEndsIsUnknownAfterTheDeadline() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let server = try TrickleServer()
        addTeardownBlock { server.stop() }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port, timeout: 1))
        let outcome = await client.call(.card, body: JSONObject([("cardID", .string("SB000001"))]),
                                        requestNo: "2026112512000012345680")
        XCTAssertEqual(outcome, .unknown(reason: "timed out: no complete answer within 2.0 s"))
    }

    func testASubSecondTimeoutStillGetsAQuickAnswer() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let platform = PlatformSide(codec: try TestKeys.platformCodec())
        let answer = JSONObject([("encrypt", .string("SUCCESS")), ("cardID", .string("SB000001"))])
        let server = try TestServer(self) { request in
            try? await Task.sleep(for: .milliseconds(20))
            let head = platform.open(request)?.head ?? WireHead(apiCode: "", sysId: "", requestNo: "")
            return platform.answer(head, body: answer)
        }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port, timeout: 0.9))
        let outcome = await client.call(.card, body: JSONObject([("cardID", .string("SB000001"))]),
                                        requestNo: "2026112512000012345681")
        XCTAssertEqual(outcome, .success(body: answer))
    }
}

/// A loopback server that answers one connection with headers, then one byte every 50 ms for
/// at most 20 s (so it always stops by itself).
private final class TrickleServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let stopped = NSLock()
    private var isStopped = false

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw NSError(domain: "TrickleServer", code: Int(errno))
        }
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serve() }.start()
    }

    func stop() {
        stopped.withLock { isStopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        _ = read(connection, &buffer, buffer.count)
        let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{".utf8)
        guard send(connection, head, head.count, Int32(MSG_NOSIGNAL)) == head.count else { return }
        for _ in 0..<400 where !stopped.withLock({ isStopped }) {
            usleep(50_000)
            guard send(connection, [0x20], 1, Int32(MSG_NOSIGNAL)) == 1 else { return }
        }
    }
}
