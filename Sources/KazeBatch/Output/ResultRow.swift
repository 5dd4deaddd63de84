// ResultRow: one line of the results CSV.

/// The result of one input record.
public struct ResultRow: Sendable, Equatable {
    /// 1-based input line.
    public var line: Int
    /// The user's reference.
    public var ref: String
    /// How the row ended.
    public var outcome: RowOutcome
    /// The platform or kazebatch code.
    public var code: String
    /// Operator-readable detail.
    public var detail: String
    /// The last requestNo sent.
    public var requestNo: String
    /// Requests sent for the row, over all runs.
    public var attempts: Int
    /// Already-safe response fields by name (see `ResponseFields`).
    public var fields: [String: String]
    /// Already-safe request fields by input column name (see `ResultColumns`).
    public var request: [String: String]
    /// UTC ISO 8601: the row's last journal event, or the validation time for a row never journaled.
    public var time: String

    /// A results row.
    public init(
        line: Int, ref: String, outcome: RowOutcome, code: String = "", detail: String = "",
        requestNo: String = "", attempts: Int = 0, fields: [String: String] = [:],
        request: [String: String] = [:], time: String = ""
    ) {
        self.line = line
        self.ref = ref
        self.outcome = outcome
        self.code = code
        self.detail = detail
        self.requestNo = requestNo
        self.attempts = attempts
        self.fields = fields
        self.request = request
        self.time = time
    }
}
