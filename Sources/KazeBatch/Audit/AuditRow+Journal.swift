// AuditRow+Journal: the audit event of a journal entry — how the executor writes it as the
// run goes, and how `AuditLog.recover` writes it later from the journal, marked recovered.

import KazeProtocol

extension AuditRow {
    /// The prefix of `code` on a row written from the journal after the fact.
    public static let recoveredMark = "RECOVERED"

    /// The audit event of `entry`, a journal entry of a batch of `operation`: its time, line,
    /// requestNo, state (the event) and code, with the row's `ref`, `card`, `amount` and
    /// `currency` (taken from the input record or the row's PENDING entry; the currency only
    /// for money-moving operations).
    init(_ entry: JournalEntry, batch: String, operation: APIOperation, ref: String, card: String, amount: String,
         currency: String) {
        self.init(time: entry.time, batch: batch, line: entry.line, ref: ref, apiCode: operation.apiCode,
                  requestNo: entry.requestNo ?? "", event: entry.state.rawValue, code: entry.code ?? "", amount: amount,
                  currency: operation.movesMoney ? currency : "", card: card)
    }

    /// This event as written from the journal after the fact: the time stays the event's own,
    /// `code` becomes `RECOVERED` (no code) or `RECOVERED:<code>`.
    var recovered: AuditRow {
        var row = self
        row.code = code.isEmpty ? AuditRow.recoveredMark : AuditRow.recoveredMark + ":" + code
        return row
    }
}
