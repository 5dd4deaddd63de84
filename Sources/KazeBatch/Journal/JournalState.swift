// JournalState: the states a row passes through, as written in the journal.

/// One state change of a row. A row goes `PENDING → SENT → (RETRY → SENT)* → SUCCEEDED |
/// FAILED | UNKNOWN`; reconciliation may later turn UNKNOWN into SUCCEEDED or FAILED.
public enum JournalState: String, Sendable, Codable, CaseIterable {
    /// The row was picked up; nothing sent yet.
    case pending = "PENDING"
    /// A request with the journaled requestNo is about to go out (fsync'd before sending).
    case sent = "SENT"
    /// The attempt failed in a way that proves nothing was done; the row will be sent again.
    case retry = "RETRY"
    /// Done.
    case succeeded = "SUCCEEDED"
    /// Finally refused (business failure, non-retryable code, or retries exhausted).
    case failed = "FAILED"
    /// The platform may or may not have acted; must be reconciled before anything is resent.
    case unknown = "UNKNOWN"

    /// True for SUCCEEDED, FAILED and UNKNOWN.
    public var isOutcome: Bool { self == .succeeded || self == .failed || self == .unknown }
}
