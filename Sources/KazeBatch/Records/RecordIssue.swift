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
    /// True for a problem of the CSV header (an unknown, missing or unnamed column): it makes
    /// every record invalid but is reported once, at the header's line, not once per record.
    public let isHeaderLevel: Bool

    public init(line: Int, ref: String, field: String, code: String, message: String, headerLevel: Bool = false) {
        self.line = line
        self.ref = ref
        self.field = field
        self.code = code
        self.message = message
        self.isHeaderLevel = headerLevel
    }

    /// What identifies a header-level problem across records (its code and column).
    var headerKey: String { code + "\u{0}" + field }

    public var description: String {
        "line \(line)\(field.isEmpty ? "" : ", field \(field)"): \(message) [\(code)]"
    }
}
