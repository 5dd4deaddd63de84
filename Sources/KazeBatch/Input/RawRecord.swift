// RawRecord: one record as text, with each value in its schema slot — the common shape that the
// CSV and JSONL sources hand to the validator.

/// One input record before checking: trimmed values by schema slot (`nil` = absent or empty).
struct RawRecord {
    /// 1-based physical line where the record starts.
    var line = 0
    /// Values by `OperationSchema` slot; the last slot is `ref`.
    var values: [String?] = []
    /// Names of columns/keys holding data that no field takes.
    var unknownColumns: [String] = []
    /// CSV: the header's line — unknown, unnamed and missing columns are the header's problems,
    /// reported once there; nil for JSONL, where each line names its own keys.
    var headerLine: Int?
    /// CSV: slots of required columns the header does not name.
    var missingColumns: [Int] = []
    /// A problem that makes the record unreadable (`csv_syntax`, `json_syntax`, `encoding`, `type`).
    var problem: (code: IssueCode, field: String, message: String)?

    /// Empties the record for the next one, keeping its storage.
    mutating func reset(line: Int, slotCount: Int) {
        self.line = line
        if values.count == slotCount {
            for index in values.indices { values[index] = nil }
        } else {
            values = Array(repeating: nil, count: slotCount)
        }
        unknownColumns.removeAll(keepingCapacity: true)
        headerLine = nil
        missingColumns.removeAll(keepingCapacity: true)
        problem = nil
    }
}
