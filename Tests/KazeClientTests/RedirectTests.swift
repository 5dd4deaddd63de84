// RedirectTests: the client never follows an HTTP redirect — a 3xx from the endpoint is the
// answer (an HTTP error), and the request is not sent on to the Location, which could be off
// this machine (past the live guard) or the same platform a second time.

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

final class RedirectTests: XCTestCase {
    func testA307IsAnHTTPErrorAndTheLocationIsNeverCalled() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let elsewhere = HitCounter()
        let target = try TestServer(self) { _ in
            elsewhere.hit()
            return .text(status: 200, "should never be reached")
        }
        let redirecting = try TestServer(self) { _ in
            HTTPResponse(status: 307, headers: ["Location": "http://127.0.0.1:\(target.port)/api", "Content-Length": "0"])
        }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: redirecting.port))
        let outcome = await client.call(
            .card, body: JSONObject([("cardID", .string("SB000001"))]),
            requestNo: "2026112512000012345679")
        XCTAssertEqual(outcome, .httpError(status: 307, retryAfter: nil))
        XCTAssertEqual(elsewhere.count, 0, "the redirect target must never receive the request")
    }
}

/// Counts the requests a server received.
private final class HitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var hits = 0
    func hit() { lock.withLock { hits += 1 } }
    var count: Int { lock.withLock { hits } }
}
