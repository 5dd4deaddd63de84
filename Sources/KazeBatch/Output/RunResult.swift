// RunResult: what a finished run or reconcile reports to its caller.

/// What a finished run reports.
public struct RunResult: Sendable, Equatable {
    /// Counts and totals of every record.
    public var summary: RunSummary
    /// The audit file's last hash (keep it to detect later truncation).
    public var auditHead: String
    /// The seq of the audit file's last signed checkpoint, nil when it has none.
    public var auditCheckpoint: Int?
    /// True when the journal ended in a torn line (a crash) that was ignored.
    public var tornJournalLine: Bool
    /// Events of the journal that the audit file was missing, appended marked recovered.
    public var recoveredAuditRows: Int
    /// What `settle` (or `run --settle`) found; nil when it did not run.
    public var settle: SettleTally?

    /// The summary's verdict (`RunSummary.verdict`), except that a batch that succeeded while
    /// `settle` left transactions pending has UNKNOWN outcomes remaining. (A transaction
    /// settle found FAILED made its row FAILED.)
    public var verdict: RunVerdict {
        let verdict = summary.verdict
        guard verdict == .succeeded, let settle, settle.count(.pending) > 0 else { return verdict }
        return .unknownRemain
    }
}
