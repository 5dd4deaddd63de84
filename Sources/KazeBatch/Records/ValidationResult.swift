// ValidationResult: what validation decided about one record — ready to send, or every problem found.

/// The result of validating one input record.
public enum ValidationResult: Sendable, Equatable {
    /// The record passed every check.
    case valid(ValidRecord)
    /// The record failed; `issues` lists every problem found (never empty); `given` holds the
    /// trimmed values the input gave by column name (secrets too: never written as they are).
    case invalid(line: Int, ref: String, issues: [RecordIssue], given: [String: String] = [:])

    /// 1-based physical line where the record starts.
    public var line: Int {
        switch self {
        case .valid(let record): record.line
        case .invalid(let line, _, _, _): line
        }
    }

    /// The record's `ref`, or "".
    public var ref: String {
        switch self {
        case .valid(let record): record.ref
        case .invalid(_, let ref, _, _): ref
        }
    }

    /// The problems found; empty for a valid record.
    public var issues: [RecordIssue] {
        if case .invalid(_, _, let issues, _) = self { return issues }
        return []
    }
}
