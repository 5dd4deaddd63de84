// ResponseClassifier: turns one HTTP answer into a CallResult — platform error codes,
// HTTP errors, untrustworthy answers, and decrypted business success or failure.

import KazeCrypto
import KazeProtocol

/// Classifies the answer to one request.
struct ResponseClassifier {
    let codec: EnvelopeCodec
    let operation: APIOperation
    let requestNo: String

    /// The outcome of an HTTP answer with `status`, `body` and parsed `Retry-After`.
    func classify(status: Int, body: [UInt8], retryAfter: Double?) -> CallResult {
        let parsed = Result { try WireMessage(jsonBytes: body) }
        guard status == 200 else {
            if case .success(let message) = parsed, let code = message.code, code != .success, echoes(message) {
                return .platformError(code: code, detail: message.head.detail ?? "", retryAfter: retryAfter)
            }
            return .httpError(status: status, retryAfter: retryAfter)
        }
        let message: WireMessage
        switch parsed {
        case .success(let value): message = value
        case .failure(let error): return .protocolError(reason: "the response is not an envelope: \(error)")
        }
        guard echoes(message) else {
            return .protocolError(
                reason: "the response answers \(message.head.apiCode) \(message.head.requestNo), not \(operation.apiCode) \(requestNo)")
        }
        guard let code = message.code else { return .protocolError(reason: "the response has no head.code") }
        guard code == .success else {
            return .platformError(code: code, detail: message.head.detail ?? "", retryAfter: retryAfter)
        }
        return openBody(message)
    }

    private func echoes(_ message: WireMessage) -> Bool {
        message.head.apiCode == operation.apiCode && message.head.requestNo == requestNo
    }

    private func openBody(_ message: WireMessage) -> CallResult {
        guard let sealed = message.sealed else { return .protocolError(reason: "a SUCCESS response without a body") }
        let plain: [UInt8]
        do {
            plain = try codec.open(sealed)
        } catch {
            return .protocolError(reason: "cannot open the response: \(error)")
        }
        guard let body = (try? JSONValue.parse(plain))?.objectValue else {
            return .protocolError(reason: "the decrypted body is not a JSON object")
        }
        switch body["encrypt"]?.stringValue {
        case "SUCCESS": return .success(body: body)
        case "FAILED": return .businessFailure(body: body)
        default: return .protocolError(reason: "the decrypted body's encrypt is neither SUCCESS nor FAILED")
        }
    }
}
