// CallVerdict: what one call's outcome means for its row — the retry and reconciliation
// rules in one place. Only three things prove that nothing was done: never sent, an envelope
// echoing our requestNo with RATE_LIMITED or SYSTEM_ERROR, and HTTP 429. Everything else
// after the request left leaves a state-changing row in doubt.

import KazeProtocol

/// The executor's reading of one `CallResult`.
enum CallVerdict: Equatable {
    /// Done; the body holds the response fields.
    case succeeded(body: JSONObject)
    /// Finally refused by the platform; never resent automatically.
    case failed(code: String, detail: String)
    /// Proven not processed; sent again with the same requestNo after a backoff.
    case transient(code: String, detail: String, retryAfter: Double?, rateLimited: Bool)
    /// The platform has seen this requestNo before (`DUPLICATE_REQUEST`).
    case duplicateRequest(detail: String)
    /// The platform may have acted: reconcile, never resend blindly (read-only ops retry).
    case inDoubt(code: String, detail: String)

    /// Classifies `outcome` of `operation`.
    init(_ outcome: CallResult, operation: APIOperation) {
        switch outcome {
        case .success(let body):
            if operation == .recharge, body.text("transactionStatus") == "FAILED" {
                self = .failed(code: "FAILED", detail: "the platform reports the recharge as FAILED")
            } else {
                self = .succeeded(body: body)
            }
        case .businessFailure(let body):
            let status = body.text("status") ?? body.text("transactionStatus")
            self = .failed(code: "FAILED", detail: "the platform answered FAILED" + (status.map { " (status \($0))" } ?? ""))
        case .platformError(let code, let detail, let retryAfter):
            let shown = Masking.cardNumbers(inText: detail)
            if code == .duplicateRequest {
                self = .duplicateRequest(detail: shown)
            } else if code.isRetryable {
                self = .transient(code: code.rawValue, detail: shown, retryAfter: retryAfter, rateLimited: outcome.isRateLimited)
            } else {
                self = .failed(code: code.rawValue, detail: shown)
            }
        case .httpError(let status, let retryAfter):
            self =
                outcome.isTransient
                ? .transient(code: "HTTP_\(status)", detail: "HTTP \(status)", retryAfter: retryAfter, rateLimited: outcome.isRateLimited)
                : .inDoubt(code: "HTTP_\(status)", detail: "HTTP \(status) without a platform answer")
        case .notSent(let reason):
            self = .transient(code: "NOT_SENT", detail: reason, retryAfter: nil, rateLimited: false)
        case .protocolError(let reason):
            self = .inDoubt(code: "PROTOCOL_ERROR", detail: reason)
        case .unknown(let reason):
            self = .inDoubt(code: "NO_ANSWER", detail: reason)
        }
        if operation.isReadOnly, case .inDoubt(let code, let detail) = self {
            self = .transient(code: code, detail: detail, retryAfter: nil, rateLimited: false)
        }
    }
}
