// ResultRow: one line of the results CSV.

/// The result of one input record.
public struct ResultRow: Sendable, Equatable {
    public var line: Int
    public var ref: String
    public var outcome: RowOutcome
    public var code: String
    public var detail: String
    public var requestNo: String
    public var attempts: Int
    /// Already-safe response fields by name (see `ResponseFields`).
    public var fields: [String: String]

    public init(line: Int, ref: String, outcome: RowOutcome, code: String = "", detail: String = "",
                requestNo: String = "", attempts: Int = 0, fields: [String: String] = [:]) {
        self.line = line; self.ref = ref; self.outcome = outcome; self.code = code; self.detail = detail
        self.requestNo = requestNo; self.attempts = attempts; self.fields = fields
    }
}
