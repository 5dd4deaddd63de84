// RecordOutcome: what validation decided about one record — ready to send, or every problem found.

/// The result of validating one input record.
public enum RecordOutcome: Sendable, Equatable {
    /// The record passed every check.
    case valid(ValidRecord)
    /// The record failed; `issues` lists every problem found (never empty).
    case invalid(line: Int, ref: String, issues: [RecordIssue])

    /// 1-based physical line where the record starts.
    public var line: Int {
        switch self {
        case .valid(let record): record.line
        case .invalid(let line, _, _): line
        }
    }

    /// The record's `ref`, or "".
    public var ref: String {
        switch self {
        case .valid(let record): record.ref
        case .invalid(_, let ref, _): ref
        }
    }

    /// The problems found; empty for a valid record.
    public var issues: [RecordIssue] {
        if case .invalid(_, _, let issues) = self { return issues }
        return []
    }
}
