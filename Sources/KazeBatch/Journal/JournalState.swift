// JournalState: the states a row passes through, as written in the journal.

/// One state change of a row. A row goes `PENDING → SENT → (RETRY → SENT)* → SUCCEEDED |
/// FAILED | UNKNOWN`; reconciliation may later turn UNKNOWN into SUCCEEDED or FAILED, and
/// `settle` a SUCCEEDED recharge whose transaction was pending into SETTLED (still SUCCEEDED)
/// or SETTLE_FAILED (FAILED). New cases go last: the index stores a state by its position.
public enum JournalState: String, Sendable, CaseIterable {
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

    /// A SUCCEEDED recharge's transaction turned out SUCCESS at the platform: the row stays
    /// SUCCEEDED, now settled.
    case settled = "SETTLED"
    /// A SUCCEEDED recharge's transaction turned out FAILED at the platform: no money moved,
    /// the row is FAILED (`TRANSACTION_FAILED`) and may be sent again with `--retry-failed`.
    case settleFailed = "SETTLE_FAILED"

    /// The row state this entry leaves: SETTLED is SUCCEEDED, SETTLE_FAILED is FAILED, any
    /// other state itself.
    public var rowState: JournalState {
        switch self {
        case .settled: .succeeded
        case .settleFailed: .failed
        default: self
        }
    }

    /// True for SUCCEEDED, FAILED and UNKNOWN (and the settle events, which end in one).
    public var isOutcome: Bool { [.succeeded, .failed, .unknown].contains(rowState) }
}
