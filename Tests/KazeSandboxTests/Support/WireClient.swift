// WireClient: a low-level test client that seals requests with the merchant key and shows
// everything about the answer (HTTP status, head, decrypted body, whether the sign verified),
// so sandbox tests can check envelope details a real client hides.

import Foundation
import KazeCrypto
import KazeProtocol
import KazeTestSupport

/// What came back for one call.
struct WireReply {
    var status: Int
    var headers: [String: String]
    var head: WireHead?
    /// The decrypted body, when there was one and it opened.
    var body: JSONObject?
    /// The opening error, when there was a body and it did not open.
    var openError: String?

    var code: String? { head?.code }
    func text(_ key: String) -> String? { body?.text(key) }
}

/// Sends sealed requests over one keep-alive connection.
final class WireClient {
    static let sysId = "202402271432298822660001"
    private let connection: RawHTTPClient
    private let codec: EnvelopeCodec
    private var counter = 0

    init(port: UInt16) throws {
        connection = try RawHTTPClient(port: port)
        codec = EnvelopeCodec(
            profile: .kazepayV1, ownPrivateKey: try TestKeys.merchant, peerPublicKey: try TestKeys.platform.publicKey())
    }

    /// A fresh requestNo (digits and letters only).
    func nextRequestNo() -> String {
        counter += 1
        return "T\(UInt32.random(in: 0...UInt32.max))N\(counter)"
    }

    /// Seals `body` for `apiCode` and returns the reply; `tamper` may alter the message first.
    func call(
        _ apiCode: String, _ body: JSONObject, requestNo: String? = nil, sysId: String = WireClient.sysId,
        tamper: (inout WireMessage) -> Void = { _ in }
    ) throws -> WireReply {
        let sealed = try codec.seal(JSONValue.object(body).compactBytes)
        var message = WireMessage(
            head: WireHead(apiCode: apiCode, sysId: sysId, requestNo: requestNo ?? nextRequestNo()), sealed: sealed)
        tamper(&message)
        return try send(message.jsonBytes)
    }

    /// Sends raw bytes as a POST body and reads the reply.
    func send(_ bytes: [UInt8]) throws -> WireReply {
        let head = "POST / HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n\r\n"
        connection.write(Array(head.utf8) + bytes)
        let response = try connection.readResponse()
        var reply = WireReply(status: response.status, headers: response.headers)
        guard response.status == 200, let message = try? WireMessage(jsonBytes: response.body) else { return reply }
        reply.head = message.head
        if let sealed = message.sealed {
            do {
                reply.body = try JSONValue.parse(try codec.open(sealed)).objectValue
            } catch {
                reply.openError = "\(error)"
            }
        }
        return reply
    }
}
