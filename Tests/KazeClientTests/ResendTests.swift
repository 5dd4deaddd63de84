// ResendTests: a request whose connection is dropped after it arrived must reach the platform
// exactly once and be reported as unknown at once — the transport must never resend it on
// its own (libcurl did so on a reused keep-alive connection; ours reuses connections too).

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

final class ResendTests: XCTestCase {
    func testDropAfterArrivalOnAReusedConnectionIsNotResent() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let platform = PlatformSide(codec: try TestKeys.platformCodec())
        let server = try TestServer(self) { request in
            guard let received = platform.open(request) else { return .text(status: 400, "unopened") }
            if received.head.requestNo.hasPrefix("DROP") { return .drop }
            return platform.answer(received.head, body: JSONObject([("encrypt", .string("SUCCESS"))]))
        }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port, timeout: 2))
        let body = JSONObject([("cardID", .string("SB000001")), ("amount", .number("10.50"))])
        for round in 0..<3 {
            let warmup = await client.call(.recharge, body: body, requestNo: "OK\(round)")
            XCTAssertEqual(warmup, .success(body: JSONObject([("encrypt", .string("SUCCESS"))])))
            let dropped = await client.call(.recharge, body: body, requestNo: "DROP\(round)")
            guard case .unknown(let reason) = dropped else { return XCTFail("\(dropped)") }
            // A transport that re-sends behind our back turns the drop into a hang on the hidden
            // second attempt, and the call ends as a timeout instead of a lost connection.
            XCTAssertFalse(reason.hasPrefix("timed out"), reason)
        }
        let arrivals = platform.log.all.map(\.head.requestNo)
        XCTAssertEqual(arrivals, ["OK0", "DROP0", "OK1", "DROP1", "OK2", "DROP2"])
    }
}
