// RowOutcome: the final word on one input row in the results file and summary.

/// How a row ended.
public enum RowOutcome: String, Sendable, CaseIterable {
    /// Done (answered, or confirmed by reconciliation).
    case succeeded = "SUCCEEDED"
    /// Refused, or provably not done.
    case failed = "FAILED"
    /// Failed validation; never sent.
    case invalid = "INVALID"
    /// May or may not have been done; reconcile.
    case unknown = "UNKNOWN"
    /// Not attempted in this run (halted before it was reached).
    case skipped = "SKIPPED"
}
