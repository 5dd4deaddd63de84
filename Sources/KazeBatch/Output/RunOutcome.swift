// RunOutcome: what a finished run or reconcile reports to its caller.

/// What a finished run reports.
public struct RunOutcome: Sendable, Equatable {
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

    /// The exit status: the summary's (`RunSummary.exitStatus`), except that a batch that
    /// would exit 0 while `settle` left transactions pending exits 5. (A transaction settle
    /// found FAILED made its row FAILED: 1.)
    public var exitStatus: Int32 {
        let status = summary.exitStatus
        guard status == 0, let settle, settle.count(.pending) > 0 else { return status }
        return 5
    }
}
