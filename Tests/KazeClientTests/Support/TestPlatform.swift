// TestPlatform: a loopback stand-in for KazePay built on the sandbox's HTTP server — it opens
// each request with the platform key, records what arrived, and answers as told.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import XCTest

/// One request as the test platform opened it.
struct ReceivedRequest: Sendable {
    let head: WireHead
    let plain: [UInt8]
    let headers: [String: String]
}

/// Everything the platform received, in order.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ReceivedRequest] = []

    func append(_ item: ReceivedRequest) { lock.withLock { items.append(item) } }
    var all: [ReceivedRequest] { lock.withLock { items } }
}

/// The platform side of the protocol, for handlers.
struct PlatformSide: Sendable {
    let codec: EnvelopeCodec
    let log = RequestLog()

    /// Opens and records a request; `nil` when it does not open (recorded nowhere).
    func open(_ request: HTTPRequest) -> ReceivedRequest? {
        guard let message = try? WireMessage(jsonBytes: request.body), let sealed = message.sealed,
            let plain = try? codec.open(sealed)
        else { return nil }
        let received = ReceivedRequest(head: message.head, plain: plain, headers: request.headers)
        log.append(received)
        return received
    }

    /// A sealed answer echoing `head`, with `code` and (when given) the sealed `body`.
    func answer(
        _ head: WireHead, code: String = "SUCCESS", detail: String = "ok", body: JSONObject?,
        status: Int = 200, headers: [String: String] = [:], sealWith codec: EnvelopeCodec? = nil
    ) -> HTTPResponse {
        var replyHead = WireHead(apiCode: head.apiCode, sysId: head.sysId, requestNo: head.requestNo, code: code, detail: detail)
        var encrypt: String?
        if let body, let sealed = try? (codec ?? self.codec).seal(JSONValue.object(body).compactBytes) {
            replyHead.sign = sealed.sign
            replyHead.keyEnc = sealed.keyEnc
            encrypt = sealed.encrypt
        }
        var response = HTTPResponse.json(status: status, bytes: WireMessage(head: replyHead, encrypt: encrypt).jsonBytes)
        response.headers.merge(headers) { $1 }
        return response
    }
}

/// A started HTTP server, stopped when the test ends.
struct TestServer {
    let port: UInt16

    /// Starts a loopback server answering with `handler`.
    init(_ test: XCTestCase, handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) throws {
        let server = HTTPServer(port: 0, handler: handler)
        port = try server.start()
        test.addTeardownBlock { server.stop() }
    }

    /// A port with nothing listening (a server was bound there and stopped).
    static func closedPort() throws -> UInt16 {
        let server = HTTPServer(port: 0) { _ in .drop }
        let port = try server.start()
        server.stop()
        return port
    }
}
