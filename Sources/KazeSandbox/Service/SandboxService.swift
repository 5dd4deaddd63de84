// SandboxService: one HTTP request through the simulator — the state endpoint, or an
// envelope: faults, opening and checks, the operation, then sealing the answer.

import Foundation
import KazeCrypto
import KazeProtocol

/// The sandbox's HTTP handler.
struct SandboxService: Sendable {
    let engine: SandboxEngine
    let faults: FaultInjector
    let codec: EnvelopeCodec
    let sysId: String
    let stop: StopFlag
    let timeoutHangMs: Int

    /// Answers one request.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        if path == "/_sandbox/state" {
            guard request.method == "GET" else { return .text(status: 405, "use GET", headers: ["Allow": "GET"]) }
            return .json(bytes: engine.snapshot(now: Date()).compactBytes)
        }
        guard request.method == "POST" else { return .text(status: 405, "use POST", headers: ["Allow": "POST"]) }
        let message: WireMessage
        do {
            message = try WireMessage(jsonBytes: request.body)
        } catch {
            return .text(status: 400, "not a KazePay envelope: \(error)")
        }
        let decision = faults.decide(now: Date())
        if decision.latencyMs > 0 { await stop.sleep(milliseconds: decision.latencyMs) }
        if let answer = decision.rateLimited {
            return answer == .http
                ? .text(status: 429, "rate limited", headers: ["Retry-After": "1"])
                : reply(to: message.head, .error(.rateLimited, "too many requests; retry later"), badSign: false)
        }
        if let answer = decision.failure {
            return answer == .http
                ? .text(status: 500, "injected failure")
                : reply(to: message.head, .error(.systemError, "transient failure; retry later"), badSign: false)
        }
        if decision.timeout {
            await stop.sleep(milliseconds: timeoutHangMs)
            return .drop
        }
        let result = process(message)
        if decision.dropAfterCommit { return .drop }
        return reply(to: message.head, result, badSign: decision.badSign)
    }

    /// Opens and checks the envelope and runs the operation.
    private func process(_ message: WireMessage) -> OperationResult {
        guard message.head.sysId == sysId else { return .error(.signError, "unknown sysId") }
        guard let sealed = message.sealed else { return .error(.signError, "body.encrypt is missing") }
        let plain: [UInt8]
        do {
            plain = try codec.open(sealed)
        } catch {
            return .error(.signError, "\(error)")
        }
        guard let body = (try? JSONValue.parse(plain))?.objectValue else {
            return .error(.paramError, "the decrypted body is not a JSON object")
        }
        guard let operation = APIOperation(rawValue: message.head.apiCode) else {
            return .error(.paramError, "head.apiCode: unknown operation \"\(message.head.apiCode)\"")
        }
        let requestNo = message.head.requestNo
        guard (1...32).contains(requestNo.count), requestNo.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return .error(.paramError, "head.requestNo: must be 1-32 characters [0-9A-Za-z]") }
        return engine.perform(operation, body: body, plain: plain, requestNo: requestNo, now: Date())
    }

    /// The response envelope: head echoing the request, the sealed body when there is one.
    private func reply(to head: WireHead, _ result: OperationResult, badSign: Bool) -> HTTPResponse {
        let (code, detail) = result.code
        var responseHead = WireHead(
            apiCode: head.apiCode, sysId: head.sysId, requestNo: head.requestNo, version: head.version,
            code: code.rawValue, detail: detail)
        var message = WireMessage(head: responseHead, encrypt: nil)
        if let body = result.body {
            do {
                var sealed = try codec.seal(JSONValue.object(body).compactBytes)
                if badSign { sealed.sign = Self.corrupted(sealed.sign) }
                message = WireMessage(head: responseHead, sealed: sealed)
            } catch {
                responseHead.code = PlatformCode.systemError.rawValue
                responseHead.detail = "could not seal the response"
                message = WireMessage(head: responseHead, encrypt: nil)
            }
        }
        return .json(bytes: message.jsonBytes)
    }

    /// The same hex with its first digit changed, so it still decodes but no longer verifies.
    static func corrupted(_ hex: String) -> String {
        guard let first = hex.first else { return "00" }
        return (first == "0" ? "1" : "0") + hex.dropFirst()
    }
}
