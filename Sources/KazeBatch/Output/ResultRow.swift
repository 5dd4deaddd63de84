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

    /// A results row.
    public init(line: Int, ref: String, outcome: RowOutcome, code: String = "", detail: String = "",
                requestNo: String = "", attempts: Int = 0, fields: [String: String] = [:]) {
        self.line = line; self.ref = ref; self.outcome = outcome; self.code = code; self.detail = detail
        self.requestNo = requestNo; self.attempts = attempts; self.fields = fields
    }
}
