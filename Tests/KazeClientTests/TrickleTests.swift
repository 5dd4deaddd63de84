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
        // Headers, then one byte every 50 ms for at most 20 s (so the server always stops by itself).
        let head = Raw.bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
        let server = try ScriptedServer { event in
            guard case .request = event else { return [] }
            return [.send(head), .trickle([UInt8](repeating: 0x20, count: 400), milliseconds: 50)]
        }
        addTeardownBlock { server.stop() }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port, timeout: 1))
        let outcome = await client.call(
            .card, body: JSONObject([("cardID", .string("SB000001"))]),
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
        let outcome = await client.call(
            .card, body: JSONObject([("cardID", .string("SB000001"))]),
            requestNo: "2026112512000012345681")
        XCTAssertEqual(outcome, .success(body: answer))
    }
}
