// HTTPServerTests: the HTTP/1.1 server over real loopback sockets — keep-alive, pipelining,
// limits (413/431/411), malformed input (400), drops, concurrency and clean stop.

import Foundation
import XCTest

@testable import KazeSandbox

final class HTTPServerTests: XCTestCase {
    /// An echo server: answers 200 with `METHOD PATH body`, or drops when the path is /drop.
    private func startEcho(limits: HTTPLimits = .init()) throws -> (HTTPServer, UInt16) {
        let server = HTTPServer(limits: limits) { request in
            if request.path == "/drop" { return .drop }
            let text = "\(request.method) \(request.path) " + String(decoding: request.body, as: UTF8.self)
            return .json(bytes: Array(text.utf8))
        }
        let port = try server.start()
        addTeardownBlock { server.stop() }
        return (server, port)
    }

    func testKeepAliveServesTwoRequestsOnOneConnection() throws {
        let (_, port) = try startEcho()
        let client = try RawHTTPClient(port: port)
        client.post("/a", body: "first")
        let first = try client.readResponse()
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.text, "POST /a first")
        XCTAssertEqual(first.headers["connection"], "keep-alive")
        client.post("/b", body: "second")
        XCTAssertEqual(try client.readResponse().text, "POST /b second")
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let (_, port) = try startEcho()
        let client = try RawHTTPClient(port: port)
        client.write("POST /1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nonePOST /2 HTTP/1.1\r\nContent-Length: 3\r\n\r\ntwo")
        XCTAssertEqual(try client.readResponse().text, "POST /1 one")
        XCTAssertEqual(try client.readResponse().text, "POST /2 two")
    }

    func testConnectionCloseAndHTTP10AreHonoured() throws {
        let (_, port) = try startEcho()
        let client = try RawHTTPClient(port: port)
        client.write("GET /x HTTP/1.1\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.headers["connection"], "close")
        XCTAssertTrue(client.isClosedByPeer())
        let old = try RawHTTPClient(port: port)
        old.write("GET /y HTTP/1.0\r\n\r\n")
        XCTAssertEqual(try old.readResponse().text, "GET /y ")
        XCTAssertTrue(old.isClosedByPeer())
    }

    func testBodyOverTheLimitIs413() throws {
        let (_, port) = try startEcho(limits: HTTPLimits(maxBodyBytes: 100))
        let client = try RawHTTPClient(port: port)
        client.post("/", body: String(repeating: "x", count: 101))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertTrue(client.isClosedByPeer())
        let exact = try RawHTTPClient(port: port)
        exact.post("/", body: String(repeating: "y", count: 100))
        XCTAssertEqual(try exact.readResponse().status, 200)
    }

    func testLargeRefusedBodyStillGets413() throws {
        let (_, port) = try startEcho(limits: HTTPLimits(maxBodyBytes: 1000))
        let client = try RawHTTPClient(port: port)
        let body = [UInt8](repeating: 0x41, count: 300_000)
        client.write(Array("POST / HTTP/1.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
        XCTAssertEqual(try client.readResponse().status, 413)
    }

    func testHeadersOverTheLimitAre431() throws {
        let (_, port) = try startEcho(limits: HTTPLimits(maxHeaderBytes: 1024))
        let client = try RawHTTPClient(port: port)
        client.write("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "h", count: 2000))\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 431)
    }

    func testChunkedBodiesAreRefusedWith411() throws {
        let (_, port) = try startEcho()
        let client = try RawHTTPClient(port: port)
        client.write("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 411)
    }

    func testMalformedRequestsAre400AndTheServerKeepsServing() throws {
        let (_, port) = try startEcho()
        let garbage = [
            "hello\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1\r\nNoColonHere\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n",
            "\u{01}\u{02}\u{03}\n\n", "G@T / HTTP/1.1\r\n\r\n",
        ]
        for text in garbage {
            let client = try RawHTTPClient(port: port)
            client.write(text)
            XCTAssertEqual(try client.readResponse().status, 400, "for \(text.debugDescription)")
        }
        let binary = try RawHTTPClient(port: port)
        binary.write((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) } + Array("\r\n\r\n".utf8))
        XCTAssertTrue([400, 431].contains(try binary.readResponse().status))
        let version = try RawHTTPClient(port: port)
        version.write("GET / HTTP/2.0\r\n\r\n")
        XCTAssertEqual(try version.readResponse().status, 505)
        let good = try RawHTTPClient(port: port)
        good.post("/ok", body: "still here")
        XCTAssertEqual(try good.readResponse().text, "POST /ok still here")
    }

    func testDropClosesWithoutAnswer() throws {
        let (_, port) = try startEcho()
        let client = try RawHTTPClient(port: port)
        client.post("/drop", body: "x")
        XCTAssertThrowsError(try client.readResponse())
    }

    func testTwoHundredConcurrentClientsEachGetTheirOwnAnswer() throws {
        let (_, port) = try startEcho()
        let clients = try (0..<200).map { _ in try RawHTTPClient(port: port) }
        let failures = FailureList()
        for round in 0..<3 {
            for (index, client) in clients.enumerated() {
                client.post("/c\(index)", body: "client-\(index)-round-\(round)-" + String(repeating: "z", count: index))
            }
            DispatchQueue.concurrentPerform(iterations: clients.count) { index in
                let expected = "POST /c\(index) client-\(index)-round-\(round)-" + String(repeating: "z", count: index)
                do {
                    let response = try clients[index].readResponse()
                    if response.text != expected { failures.add("client \(index): \(response.text)") }
                } catch {
                    failures.add("client \(index): \(error)")
                }
            }
        }
        XCTAssertEqual(failures.all, [])
    }

    func testStopIsIdempotentAndReleasesThePort() throws {
        let (server, port) = try startEcho()
        let idle = try RawHTTPClient(port: port)
        idle.post("/", body: "x")
        _ = try idle.readResponse()
        server.stop()
        server.stop()
        XCTAssertTrue(idle.isClosedByPeer())
        XCTAssertThrowsError(try RawHTTPClient(port: port))
        XCTAssertThrowsError(try server.start())
    }
}

/// A thread-safe list of failure messages collected from concurrent clients.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
