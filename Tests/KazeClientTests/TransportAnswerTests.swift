// TransportAnswerTests: the transport reads HTTP/1.1 answers strictly — framing by
// Content-Length, chunked or end of stream, 1xx skipped, caps on the head and the body — and
// anything else after the request went out (a drop, a half answer, HTTP/0.9, a bad status line,
// binary garbage, too much) is in doubt, never "not sent". Every server here counts what it got.

import Foundation
import XCTest

@testable import KazeClient

final class TransportAnswerTests: XCTestCase {
    /// Posts one request to a server that answers the first request with `moves`.
    private func post(
        maxResponseBytes: Int = Configuration.defaultMaxResponseBytes, timeout: Double = 5,
        onAccept: [ScriptMove] = [], _ moves: [ScriptMove]
    ) async throws -> (TransportResult, ScriptedServer) {
        let server = try ScriptedServer { event in
            switch event {
            case .accepted: onAccept
            case .request: moves
            }
        }
        addTeardownBlock { server.stop() }
        let transport = try testTransport(port: server.port, timeout: timeout, maxResponseBytes: maxResponseBytes)
        return (await transport.post(Array("{\"a\":1}".utf8)), server)
    }

    private func assertUnknown(
        _ moves: [ScriptMove], onAccept: [ScriptMove] = [], maxResponseBytes: Int = Configuration.defaultMaxResponseBytes,
        timeout: Double = 5, startsWith prefix: String, received: Int = 1, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let (result, server) = try await post(maxResponseBytes: maxResponseBytes, timeout: timeout, onAccept: onAccept, moves)
        let reason = try XCTUnwrap(result.unknownReason, result.summary, file: file, line: line)
        XCTAssertTrue(reason.hasPrefix(prefix), reason, file: file, line: line)
        XCTAssertEqual(server.requestCount, received, "requests the server received", file: file, line: line)
    }

    func testTheRequestIsAPlainHTTP11PostWithoutCompression() async throws {
        let (result, server) = try await post([.send(Raw.ok("fine"))])
        XCTAssertEqual(result.answerText?.body, "fine")
        let head = try XCTUnwrap(server.receivedHeads.first)
        XCTAssertTrue(head.hasPrefix("POST /api HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n"), head)
        XCTAssertTrue(head.contains("Content-Length: 7"), head)
        XCTAssertTrue(head.contains("Content-Type: application/json"), head)
        XCTAssertFalse(head.lowercased().contains("accept-encoding"), head)
        XCTAssertFalse(head.lowercased().contains("expect:"), head)
    }

    func testDatesAndRetryAfterAreParsed() async throws {
        let (result, _) = try await post([.send(Raw.ok("x", headers: ["Retry-After: 7", "Date: Sun, 06 Nov 1994 08:49:37 GMT"]))])
        XCTAssertEqual(result, .answered(status: 200, body: [0x78], retryAfter: 7, serverDate: Date(timeIntervalSince1970: 784_111_777)))
    }

    func testClosesWithoutAnAnswerAreInDoubt() async throws {
        try await assertUnknown([.close], startsWith: "connection closed by the server before any answer")
        try await assertUnknown([], onAccept: [.close], startsWith: "connection", received: 0)
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Le")), .close],
            startsWith: "connection closed by the server in the middle of the answer's headers")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"head\":")), .close],
            startsWith: "connection closed by the server in the middle of the answer's body")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")), .close],
            startsWith: "connection closed by the server in the middle of the answer's body")
    }

    func testAnswersThatAreNotHTTP11AreInDoubt() async throws {
        try await assertUnknown(
            [.send(Raw.bytes("{\"head\":{\"code\":\"SUCCESS\"}}")), .close],
            startsWith: "malformed answer: it is not HTTP (no status line), it starts with \"{\"head\"")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 abc\r\n\r\n")), .close],
            startsWith: "malformed answer: the status line has no three-digit status: \"HTTP/1.1 abc\"")
        try await assertUnknown(
            [.send([0x00, 0xFF, 0x13, 0x37, 0x0D, 0x0A, 0x0D, 0x0A])],
            startsWith: "malformed answer: it is not HTTP (no status line), it starts with \"\\x00\\xFF\\x137")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/2.0 200 OK\r\n\r\n"))],
            startsWith: "malformed answer: the status line is not HTTP/1.0 or HTTP/1.1")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\n folded: x\r\nContent-Length: 0\r\n\r\n"))],
            startsWith: "malformed answer: a header line is not `name: value`")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\nok"))],
            startsWith: "malformed answer: both Transfer-Encoding and Content-Length")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"))],
            startsWith: "malformed answer: invalid Content-Length")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nok")), .close],
            startsWith: "malformed answer: unsupported Transfer-Encoding")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 101 Switching Protocols\r\n\r\n"))],
            startsWith: "malformed answer: 101 Switching Protocols was not asked for")
    }

    func testChunkedAnswersAndBadChunkSizes() async throws {
        let (good, _) = try await post([
            .send(
                Raw.bytes(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;name=value\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\n"))
        ])
        XCTAssertEqual(good.answerText?.body, "Wikipedia")
        for size in ["zz", "-1", "", "0x4", "1000000000000000000", "4 4"] {
            try await assertUnknown(
                [.send(Raw.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nWiki\r\n0\r\n\r\n")), .close],
                startsWith: "malformed answer: invalid chunk size")
        }
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nWiki\r\n0\r\n\r\n")), .close],
            startsWith: "malformed answer: a chunk is longer than its size")
    }

    func testInformationalAnswersAreSkippedAndRedirectsAreAnswers() async throws {
        let (result, _) = try await post([
            .send(
                Raw.bytes(
                    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                ))
        ])
        XCTAssertEqual(result.answerText?.status, 200)
        XCTAssertEqual(result.answerText?.body, "ok")
        let (moved, _) = try await post([
            .send(Raw.bytes("HTTP/1.1 301 Moved\r\nLocation: http://127.0.0.1:1/\r\nContent-Length: 0\r\n\r\n"))
        ])
        XCTAssertEqual(moved.answerText?.status, 301)
        let (empty, _) = try await post([.send(Raw.bytes("HTTP/1.1 204 No Content\r\n\r\n"))])
        XCTAssertEqual(empty.answerText?.body, "")
        let (unframed, _) = try await post([.send(Raw.bytes("HTTP/1.0 200 OK\r\n\r\nuntil the end")), .close])
        XCTAssertEqual(unframed.answerText?.body, "until the end")
    }

    func testOversizedAnswersAreInDoubtAndBounded() async throws {
        let bigHeader = "X-Filler: " + String(repeating: "a", count: 70 * 1024) + "\r\n"
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\n" + bigHeader + "Content-Length: 0\r\n\r\n"))],
            startsWith: "answer too large: the status line and headers exceed 64 KiB")
        let manyInformational = String(
            repeating: "HTTP/1.1 103 Early Hints\r\nLink: " + String(repeating: "b", count: 1000) + "\r\n\r\n",
            count: 80)
        try await assertUnknown(
            [.send(Raw.bytes(manyInformational))],
            startsWith: "answer too large: the status line and headers exceed 64 KiB")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n"))], maxResponseBytes: 4_096,
            startsWith: "answer too large: the body exceeds 4096 bytes (maxResponseBytes)")
        let chunk = String(repeating: "c", count: 1_000)
        let chunks = String(repeating: "3E8\r\n\(chunk)\r\n", count: 5)
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks))],
            maxResponseBytes: 4_096, startsWith: "answer too large: the body exceeds 4096 bytes")
        try await assertUnknown(
            [.send(Raw.bytes("HTTP/1.0 200 OK\r\n\r\n" + String(repeating: "d", count: 5_000))), .close],
            maxResponseBytes: 4_096, startsWith: "answer too large: the body exceeds 4096 bytes")
        let (exact, _) = try await post(maxResponseBytes: 4_096, [.send(Raw.ok(String(repeating: "e", count: 4_096)))])
        XCTAssertEqual(exact.answerText?.body.count, 4_096, "a body of exactly maxResponseBytes is accepted")
    }

    func testStallsAndTricklesEndAtTheirTimeouts() async throws {
        try await assertUnknown([.pause(milliseconds: 3_000)], timeout: 0.3, startsWith: "timed out: nothing received for 0.3 s")
        try await assertUnknown(
            [.trickle(Raw.bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"), milliseconds: 50)], timeout: 0.3,
            startsWith: "timed out: no complete answer within 0.6 s")
    }

    func testIPv6Loopback() async throws {
        let server: ScriptedServer
        do {
            server = try ScriptedServer(host: "::1") { event in
                if case .request = event { return [.send(Raw.ok("six"))] }
                return []
            }
        } catch {
            throw XCTSkip("no IPv6 loopback on this machine: \(error)")
        }
        addTeardownBlock { server.stop() }
        let result = try await testTransport(port: server.port, host: "::1").post([])
        XCTAssertEqual(result.answerText?.body, "six")
        XCTAssertTrue(server.receivedHeads.first?.contains("Host: [::1]:\(server.port)\r\n") ?? false, "\(server.receivedHeads)")
    }

    func testNothingListeningIsNotSent() async throws {
        let server = try ScriptedServer { _ in [] }
        server.stop()
        let result = try await testTransport(port: server.port).post([])
        guard case .notSent(let reason) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(reason, "connection refused (127.0.0.1 port \(server.port))")
    }
}
