// RowOutcome: the final word on one input row in the results file and summary.

/// How a row ended.
public enum RowOutcome: String, Sendable, CaseIterable, Codable {
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case invalid = "INVALID"
    case unknown = "UNKNOWN"
    /// Not attempted in this run (halted before it was reached).
    case skipped = "SKIPPED"
}
