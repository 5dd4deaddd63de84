// TimeWindowRule: queryTransactions' time window must not end before it starts.

import KazeProtocol

/// The cross-field check of `transactionStartTime` ≤ `transactionEndTime`.
enum TimeWindowRule {
    /// The field and message when both times are given and the start is after the end.
    static func problem(in members: [(String, JSONValue)]) -> (field: String, message: String)? {
        func time(_ field: String) -> Int? {
            members.first(where: { $0.0 == field })?.1.stringValue.flatMap(WireTime.wallSeconds)
        }
        guard let start = time("transactionStartTime"), let end = time("transactionEndTime"), start > end else {
            return nil
        }
        return ("transactionStartTime", "transactionStartTime is after transactionEndTime")
    }
}
