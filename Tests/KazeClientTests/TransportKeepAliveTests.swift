// TransportKeepAliveTests: connections are reused only when that is safe — checked before the
// request is written, within the idle window, never after `Connection: close`, HTTP/1.0 or
// `Keep-Alive: max=0` — and a request is never written twice: the servers count every request
// and every connection they got.

import Foundation
import XCTest

@testable import KazeClient

final class TransportKeepAliveTests: XCTestCase {
    /// A server answering every request with `moves(number)`.
    private func server(_ moves: @escaping @Sendable (Int) -> [ScriptMove]) throws -> ScriptedServer {
        let server = try ScriptedServer { event in
            guard case .request(let number, _, _) = event else { return [] }
            return moves(number)
        }
        addTeardownBlock { server.stop() }
        return server
    }

    private func call(_ transport: HTTPTransport, times: Int, pauseMilliseconds: Int = 0) async throws -> [TransportResult] {
        var results: [TransportResult] = []
        for _ in 0..<times {
            results.append(await transport.post(Array("{}".utf8)))
            if pauseMilliseconds > 0 { try await Task.sleep(for: .milliseconds(pauseMilliseconds)) }
        }
        return results
    }

    func testConnectionsAreReused() async throws {
        let server = try server { number in [.send(Raw.ok("n\(number)"))] }
        let transport = try testTransport(port: server.port)
        let results = try await call(transport, times: 3)
        XCTAssertEqual(results.map { $0.answerText?.body }, ["n1", "n2", "n3"])
        XCTAssertEqual(server.connections, 1)
        XCTAssertEqual(transport.connectionsOpened, 1)
    }

    func testAnswersThatEndTheConnectionAreHonoured() async throws {
        let endings: [[String]] = [["Connection: close"], ["Keep-Alive: timeout=5, max=0"], ["Keep-Alive: timeout=1"]]
        for headers in endings {
            let server = try server { _ in [.send(Raw.ok("x", headers: headers))] }
            let results = try await call(try testTransport(port: server.port), times: 2)
            XCTAssertEqual(results.map { $0.answerText?.body }, ["x", "x"], "\(headers)")
            XCTAssertEqual(server.connections, 2, "\(headers)")
        }
        let old = try server { _ in [.send(Raw.bytes("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx"))] }
        _ = try await call(try testTransport(port: old.port), times: 2)
        XCTAssertEqual(old.connections, 2, "HTTP/1.0 without keep-alive")
        let kept = try server { _ in [.send(Raw.bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx"))] }
        _ = try await call(try testTransport(port: kept.port), times: 2)
        XCTAssertEqual(kept.connections, 1, "HTTP/1.0 with keep-alive")
    }

    func testAnIdleConnectionClosedByTheServerIsNotWrittenTo() async throws {
        let server = try server { number in [.send(Raw.ok("n\(number)")), .pause(milliseconds: 20), .close] }
        let results = try await call(try testTransport(port: server.port), times: 3, pauseMilliseconds: 150)
        XCTAssertEqual(results.map { $0.answerText?.body }, ["n1", "n2", "n3"])
        XCTAssertEqual(server.requestCount, 3, "each request written exactly once")
        XCTAssertEqual(server.connections, 3)
    }

    func testAnIdleConnectionWithUnaskedBytesIsNotReused() async throws {
        let server = try server { number in [.send(Raw.ok("n\(number)")), .pause(milliseconds: 20), .send(Raw.ok("stray"))] }
        let results = try await call(try testTransport(port: server.port), times: 2, pauseMilliseconds: 150)
        XCTAssertEqual(results.map { $0.answerText?.body }, ["n1", "n2"], "the stray answer is never taken for the next one")
        XCTAssertEqual(server.requestCount, 2)
        XCTAssertEqual(server.connections, 2)
    }

    func testTheIdleWindowLimitsReuse() async throws {
        let server = try server { _ in [.send(Raw.ok())] }
        let transport = try testTransport(port: server.port, keepAliveIdle: 0.1)
        _ = try await call(transport, times: 2, pauseMilliseconds: 300)
        XCTAssertEqual(server.connections, 2, "idle longer than keepAliveIdleSeconds")
        let never = try self.server { _ in [.send(Raw.ok())] }
        _ = try await call(try testTransport(port: never.port, keepAliveIdle: 0), times: 2)
        XCTAssertEqual(never.connections, 2, "keepAliveIdleSeconds 0 never reuses")
    }

    func testADropOnAReusedConnectionIsInDoubtAndNotResent() async throws {
        let server = try server { number in number == 2 ? [.close] : [.send(Raw.ok())] }
        let results = try await call(try testTransport(port: server.port), times: 2)
        XCTAssertEqual(results.first?.answerText?.status, 200)
        XCTAssertEqual(results.last?.unknownReason, "connection closed by the server before any answer (the request was sent)")
        XCTAssertEqual(server.requestCount, 2, "the dropped request was not sent again")
        XCTAssertEqual(server.connections, 1)
    }

    func testAnAnswerReadToTheEndOfTheStreamIsNotReused() async throws {
        let server = try server { _ in [.send(Raw.bytes("HTTP/1.1 200 OK\r\n\r\nall")), .close] }
        let results = try await call(try testTransport(port: server.port), times: 2)
        XCTAssertEqual(results.map { $0.answerText?.body }, ["all", "all"])
        XCTAssertEqual(server.connections, 2)
    }
}
