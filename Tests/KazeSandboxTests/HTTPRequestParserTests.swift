// HTTPRequestParserTests: the request-head grammar directly — good heads, limits, and that any
// byte soup gets an answer (never a trap).

import XCTest

@testable import KazeSandbox

final class HTTPRequestParserTests: XCTestCase {
    let parser = HTTPRequestParser(limits: HTTPLimits(maxHeaderBytes: 512, maxBodyBytes: 100))

    func testParsesAHeadAndReportsWhereItEnds() {
        let text = "POST /x?y=1 HTTP/1.1\r\nHost: a\r\nX-Twice: 1\r\nx-twice: 2\r\nContent-Length:  5 \r\n\r\nhello"
        guard case .head(let head, let consumed) = parser.parseHead(Array(text.utf8)) else { return XCTFail("no head") }
        XCTAssertEqual(head.method, "POST")
        XCTAssertEqual(head.path, "/x?y=1")
        XCTAssertEqual(head.headers["x-twice"], "1, 2")
        XCTAssertEqual(head.contentLength, 5)
        XCTAssertTrue(head.keepAlive)
        XCTAssertEqual(consumed, text.utf8.count - 5)
    }

    func testIncompleteHeadAsksForMoreAndLFOnlyIsAccepted() {
        XCTAssertEqual(parser.parseHead(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8)), .needMore)
        guard case .head(let head, _) = parser.parseHead(Array("GET / HTTP/1.0\nConnection: keep-alive\n\n".utf8)) else {
            return XCTFail("LF-only head refused")
        }
        XCTAssertTrue(head.keepAlive)
    }

    func testLimits() {
        XCTAssertEqual(
            parser.parseHead(Array(("GET / HTTP/1.1\r\nA: " + String(repeating: "a", count: 600)).utf8)),
            .reject(status: 431, message: "request headers larger than 512 bytes"))
        guard case .reject(413, _) = parser.parseHead(Array("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n".utf8)) else {
            return XCTFail("no 413")
        }
        guard case .reject(400, _) = parser.parseHead(Array("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n".utf8)) else {
            return XCTFail("no 400 for a huge length")
        }
    }

    func testRandomBytesAlwaysGetAnAnswer() {
        var generator = SplitMix64(seed: 2024)
        let pieces = ["GET", " ", "/", "HTTP/1.1", "\r\n", "\n", ":", "Content-Length", "5", "-", "\u{0}", "é", "\t"]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) {
                if generator.next() % 3 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
                }
            }
            switch parser.parseHead(bytes + Array("\r\n\r\n".utf8)) {
            case .head(let head, let consumed): XCTAssertLessThanOrEqual(consumed + head.contentLength, Int.max)
            case .reject(let status, _): XCTAssertTrue([400, 411, 413, 431, 505].contains(status))
            case .needMore: XCTFail("a blank line ends every head")
            }
        }
    }
}
