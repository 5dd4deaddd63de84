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
    /// Committed, then the connection is dropped.
    var dropAfterCommit = false
    /// Committed, answered with a corrupted signature.
    var badSign = false

    /// No fault.
    static let none = FaultDecision()
}
