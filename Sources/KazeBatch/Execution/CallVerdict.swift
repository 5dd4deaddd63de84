// CallVerdict: what one call's outcome means for its row — the retry and reconciliation
// rules of DESIGN.md in one place.

import KazeClient
import KazeProtocol

/// The executor's reading of one `CallOutcome`.
enum CallVerdict: Equatable {
    /// Done; the body holds the response fields.
    case succeeded(body: JSONObject)
    /// Finally refused; never resent automatically.
    case failed(code: String, detail: String)
    /// Proven not processed; may be sent again (new requestNo) after a backoff.
    case transient(code: String, detail: String, retryAfter: Double?, rateLimited: Bool)
    /// The platform may have acted: reconcile, never resend blindly (read-only ops retry).
    case inDoubt(code: String, detail: String)

    /// Classifies `outcome` of `operation`.
    init(_ outcome: CallOutcome, operation: APIOperation) {
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
            self = code.isRetryable
                ? .transient(code: code.rawValue, detail: Masking.cardNumbers(inText: detail), retryAfter: retryAfter,
                             rateLimited: outcome.isRateLimited)
                : .failed(code: code.rawValue, detail: Masking.cardNumbers(inText: detail))
        case .httpError(let status, let retryAfter):
            self = outcome.isTransient
                ? .transient(code: "HTTP_\(status)", detail: "HTTP \(status)", retryAfter: retryAfter, rateLimited: outcome.isRateLimited)
                : .failed(code: "HTTP_\(status)", detail: "HTTP \(status) without a platform answer")
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
