// FaultDecision: what will go wrong with one request, decided before it is handled.

/// The faults chosen for one request.
struct FaultDecision: Sendable, Equatable {
    /// How an over-limit or failed request is answered.
    enum Answer: Sendable, Equatable {
        /// An HTTP status (429 with Retry-After, or 500) without an envelope.
        case http
        /// HTTP 200 with an envelope whose head.code is RATE_LIMITED or SYSTEM_ERROR.
        case envelope
    }

    /// Milliseconds to wait before anything else.
    var latencyMs = 0
    /// Over the rate limit: answered this way, nothing committed.
    var rateLimited: Answer?
    /// Injected transient failure: answered this way, nothing committed.
    var failure: Answer?
    /// No answer and nothing committed.
    var timeout = false
    /// How long a timed-out request is held before its connection is closed.
    var timeoutHangMs = 0
    /// Dropped at once, committed `lateCommitMs` later.
    var lateCommit = false
    /// How long after the drop a late commit happens.
    var lateCommitMs = 0
    /// A committed recharge will settle to FAILED.
    var rechargeFails = false
    /// Committed, then the connection is dropped.
    var dropAfterCommit = false
    /// Committed, then answered with this gateway status (502 or 504).
    var gatewayStatus: Int?
    /// Committed, answered with a corrupted signature.
    var badSign = false
}
