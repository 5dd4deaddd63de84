// SandboxService: one HTTP request through the simulator — the state and control endpoints,
// or an envelope: faults, opening and checks, the operation, then sealing the answer.

import Foundation
import KazeCrypto
import KazeProtocol

/// The sandbox's HTTP handler.
struct SandboxService: Sendable {
    let engine: SandboxEngine
    let faults: FaultInjector
    let counts: FaultCounts
    let control: SandboxControl
    let codec: EnvelopeCodec
    let sysId: String
    let stop: StopFlag
    /// The HTTP server's counters: requests, refused connections, buffered bytes.
    let traffic: HTTPTraffic

    /// The state, the injected fault counts, the current settings and the HTTP counters
    /// (`GET /_sandbox/state`).
    func stateView() -> JSONValue {
        guard var view = engine.snapshot(now: Date()).objectValue else { return .null }
        view["faults"] = counts.json
        view["settings"] = control.settingsJSON
        view["http"] = traffic.snapshot.json
        return .object(view)
    }

    /// Answers one request.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        switch (path, request.method) {
        case ("/_sandbox/state", "GET"): return .json(bytes: stateView().compactBytes)
        case ("/_sandbox/state", _): return .text(status: 405, "use GET", headers: ["Allow": "GET"])
        case ("/_sandbox/control", "GET"): return .json(bytes: control.settingsJSON.compactBytes)
        case ("/_sandbox/control", "POST"): return control.apply(request.body)
        case ("/_sandbox/control", _): return .text(status: 405, "use GET or POST", headers: ["Allow": "GET, POST"])
        case (_, "POST"): return await envelope(request.body)
        default: return .text(status: 405, "use POST", headers: ["Allow": "POST"])
        }
    }

    /// An API request: the faults drawn for it, then the operation and its answer.
    private func envelope(_ body: [UInt8]) async -> HTTPResponse {
        let message: WireMessage
        do {
            message = try WireMessage(jsonBytes: body)
        } catch {
            return .text(status: 400, "not a KazePay envelope: \(error)")
        }
        let decision = faults.decide(now: Date())
        if decision.latencyMs > 0 { await stop.sleep(milliseconds: decision.latencyMs) }
        if let answer = decision.rateLimited {
            counts.record(.rateLimit)
            return answer == .http
                ? .text(status: 429, "rate limited", headers: ["Retry-After": "1"])
                : reply(to: message.head, .error(.rateLimited, "too many requests; retry later"), badSign: false)
        }
        if let answer = decision.failure {
            counts.record(.fail)
            return answer == .http
                ? .text(status: 500, "injected failure")
                : reply(to: message.head, .error(.systemError, "transient failure; retry later"), badSign: false)
        }
        if decision.timeout {
            counts.record(.timeout)
            await stop.sleep(milliseconds: decision.timeoutHangMs)
            return .drop
        }
        guard let result = commit(message, decision) else { return .drop }
        if decision.dropAfterCommit {
            counts.record(.dropAfterCommit)
            return .drop
        }
        if let status = decision.gatewayStatus {
            counts.record(.gatewayErrorAfterCommit)
            return .gatewayPage(status: status)
        }
        if decision.badSign && result.body != nil { counts.record(.badSign) }
        return reply(to: message.head, result, badSign: decision.badSign)
    }

    /// Opens the envelope and commits its operation; `nil` when it was accepted for a late
    /// commit instead (the connection is then dropped). A refused envelope's error is the result.
    private func commit(_ message: WireMessage, _ decision: FaultDecision) -> OperationResult? {
        var call: OperationRequest
        switch open(message) {
        case .failure(let refusal): return refusal.result
        case .success(let opened): call = opened
        }
        call.rechargeFails = decision.rechargeFails && call.operation == .recharge
        let now = Date()
        if decision.lateCommit {
            counts.record(.lateCommit)
            let dueAt = now.addingTimeInterval(Double(decision.lateCommitMs) / 1000)
            if engine.acceptLate(call, now: now, dueAt: dueAt) && call.rechargeFails { counts.record(.rechargeFail) }
            return nil
        }
        let result = engine.perform(call, now: now)
        if result.isCommitted && call.rechargeFails { counts.record(.rechargeFail) }
        return result
    }

    /// Opens and checks the envelope: the operation to run, or the error to answer.
    private func open(_ message: WireMessage) -> Result<OperationRequest, EnvelopeRefusal> {
        guard message.head.sysId == sysId else { return .failure(EnvelopeRefusal(.error(.signError, "unknown sysId"))) }
        guard let sealed = message.sealed else { return .failure(EnvelopeRefusal(.error(.signError, "body.encrypt is missing"))) }
        let plain: [UInt8]
        do {
            plain = try codec.open(sealed)
        } catch {
            return .failure(EnvelopeRefusal(.error(.signError, "\(error)")))
        }
        guard let body = (try? JSONValue.parse(plain))?.objectValue else {
            return .failure(EnvelopeRefusal(.error(.paramError, "the decrypted body is not a JSON object")))
        }
        guard let operation = APIOperation(rawValue: message.head.apiCode) else {
            return .failure(EnvelopeRefusal(.error(.paramError, "head.apiCode: unknown operation \"\(message.head.apiCode)\"")))
        }
        let requestNo = message.head.requestNo
        guard RequestNumber.isValid(requestNo) else {
            return .failure(EnvelopeRefusal(.error(.paramError, "head.requestNo: must be 1-32 characters [0-9A-Za-z]")))
        }
        return .success(OperationRequest(operation: operation, body: body, requestNo: requestNo))
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
