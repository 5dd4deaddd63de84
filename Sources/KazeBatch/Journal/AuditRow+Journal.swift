// AuditRow+Journal: the audit event of a journal entry — how the executor writes it as the
// run goes, and how `AuditLog.recover` writes it later from the journal, marked recovered.

import KazeProtocol

extension AuditRow {
    /// The prefix of `code` on a row written from the journal after the fact.
    public static let recoveredMark = "RECOVERED"

    /// The audit event of `entry`, a journal entry of a batch of `operation`: its time, line,
    /// requestNo, state (the event) and code, with the row's `ref`, `card`, `amount`,
    /// `currency`, `email` and `target` (taken from the input record or the row's PENDING
    /// entry; the currency only for money-moving operations) and the `detail` they give.
    init(
        _ entry: JournalEntry, batch: String, operation: APIOperation, ref: String, card: String, amount: String,
        currency: String, email: String?, target: String?
    ) {
        self.init(
            time: entry.time, batch: batch, line: entry.line, ref: ref, apiCode: operation.apiCode,
            requestNo: entry.requestNo ?? "", event: entry.state.rawValue, code: entry.code ?? "", amount: amount,
            currency: operation.movesMoney ? currency : "", card: card,
            detail: AuditRow.detail(of: entry, operation: operation, email: email, target: target))
    }

    /// The `detail` of an event: a recharge's transactionId and a close's refund amount (with
    /// its currency) once the platform answered them, the status a set-status asked for, a kyc
    /// applicant's email; "" for the other operations.
    static func detail(of entry: JournalEntry, operation: APIOperation, email: String?, target: String?) -> String {
        switch operation {
        case .recharge: entry.fields?["transactionId"] ?? ""
        case .close:
            entry.fields?["refundAmt"].map { [$0, entry.fields?["currency"]].compactMap { $0 }.joined(separator: " ") } ?? ""
        case .setStatus: target ?? ""
        case .kyc: email ?? ""
        default: ""
        }
    }

    /// This event as written from the journal after the fact: the time stays the event's own,
    /// `code` becomes `RECOVERED` (no code) or `RECOVERED:<code>`.
    var recovered: AuditRow {
        var row = self
        row.code = code.isEmpty ? AuditRow.recoveredMark : AuditRow.recoveredMark + ":" + code
        return row
    }
}
