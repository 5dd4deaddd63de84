// RecordIssue: one problem with one input record — a row of the errors CSV.

/// A validation problem, as written to the errors CSV (`line,ref,field,code,message`).
public struct RecordIssue: Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line where the record starts (header = line 1).
    public let line: Int
    /// The record's `ref`, or "" when absent or unreadable.
    public let ref: String
    /// The field (column/key) concerned, or "" for the whole record.
    public let field: String
    /// A stable word: `required`, `country_code`, `too_long`, `date`, `pin`, `luhn`, ...
    public let code: String
    /// What is wrong, for the operator. Never contains a PIN, CVV or full card number.
    public let message: String

    public init(line: Int, ref: String, field: String, code: String, message: String) {
        self.line = line
        self.ref = ref
        self.field = field
        self.code = code
        self.message = message
    }

    public var description: String {
        "line \(line)\(field.isEmpty ? "" : ", field \(field)"): \(message) [\(code)]"
    }
}
