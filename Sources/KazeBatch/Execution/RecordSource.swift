// RecordSource: where the executor reads records from — one streaming pass over the input
// per call, in input order (the validator in production, arrays in tests).

/// One input record as the executor sees it.
public enum SourceRecord: Sendable, Equatable {
    /// A record that passed validation.
    case valid(ValidRecord)
    /// A record that did not; `issues` is never empty.
    case invalid(line: Int, ref: String, issues: [RecordIssue])

    /// 1-based physical line where the record starts.
    public var line: Int {
        switch self {
        case .valid(let record): record.line
        case .invalid(let line, _, _): line
        }
    }

    /// The user's reference.
    public var ref: String {
        switch self {
        case .valid(let record): record.ref
        case .invalid(_, let ref, _): ref
        }
    }
}

/// A re-readable stream of records.
public protocol RecordSource: Sendable {
    /// Calls `body` once per record, in input order, reading the input afresh; stops early
    /// when `body` returns `false`.
    /// - Throws: when the input cannot be read.
    func forEachRecord(_ body: (SourceRecord) throws -> Bool) throws
}
