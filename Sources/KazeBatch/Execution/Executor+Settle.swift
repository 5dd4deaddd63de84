// Executor+Settle: `settle` — for every SUCCEEDED recharge whose transaction the platform
// answered as not final (PENDING), asks queryTransactions for that transaction (cardID +
// transactionId) until it is SUCCESS or FAILED or the wait runs out, and journals and audits
// the final status: SETTLED (the row stays SUCCEEDED) or SETTLE_FAILED (the row is FAILED
// `TRANSACTION_FAILED`: no money moved, `--retry-failed` sends it again).

import Foundation
import KazeProtocol

extension Executor {
    /// How long `settle` waits between passes while transactions are still pending.
    static let settlePollSeconds = 2.0

    /// Settles the batch's pending recharges: one pass, then more every few seconds while some
    /// are still pending and `wait` seconds have not run out. The result is `settleTally`.
    /// - Throws: when the journal cannot be read back or written.
    public func settle(wait: Double) async throws {
        guard operation == .recharge else { return }
        let deadline = clock.now() + wait
        var tally = try await settlePass()
        while tally.count(.pending) > 0, journalStop == nil, clock.now() < deadline {
            await clock.sleep(seconds: min(Executor.settlePollSeconds, max(0, deadline - clock.now())))
            tally = tally.then(try await settlePass())
        }
        settleTally = tally
    }

    /// One pass over the SUCCEEDED rows whose `transactionStatus` is not SUCCESS.
    private func settlePass() async throws -> SettleTally {
        var tally = SettleTally()
        let lines = index.rows.filter { $0.state == .succeeded }.map(\.line)
        for line in lines where journalStop == nil {
            guard let final = try index.finalRecord(line), final.fields["transactionStatus"]?.uppercased() != "SUCCESS",
                let row = try index.record(line), let cardID = row.cardID, let transactionId = row.fields["transactionId"],
                let amount = row.amount.flatMap(Amount.init)?.decimal
            else { continue }
            let currency = row.currency ?? "USD"
            switch await transactionStatus(cardID: cardID, transactionId: transactionId) {
            case "SUCCESS":
                try await settleEvent(
                    row, .settled, code: "SUCCESS", status: "SUCCESS",
                    detail: "settled: transaction \(transactionId) SUCCESS")
                tally.add(.confirmed, amount: amount, currency: currency)
            case "FAILED":
                try await settleEvent(
                    row, .settleFailed, code: "TRANSACTION_FAILED", status: "FAILED",
                    detail: "settled: transaction \(transactionId) FAILED at the platform; no money moved,"
                        + " send again with --retry-failed")
                tally.add(.failed, amount: amount, currency: currency)
            default:
                tally.add(.pending, amount: amount, currency: currency)
            }
        }
        return tally
    }

    /// The platform's `transStatus` of the transaction (uppercased), nil when it cannot be
    /// read or is not listed.
    private func transactionStatus(cardID: String, transactionId: String) async -> String? {
        await reconciler.transaction(cardID: cardID, transactionId: transactionId)?.transStatus?.uppercased()
    }

    /// Journals (and audits) the settle event of `row`, its fields with the final status.
    private func settleEvent(_ row: RowRecord, _ state: JournalState, code: String, status: String, detail: String) async throws {
        var entry = JournalEntry(line: row.line, state: state, time: Timestamp.text(), attempt: row.attempts, requestNo: row.requestNo)
        var fields = row.fields
        fields["transactionStatus"] = status
        (entry.code, entry.detail, entry.fields) = (code, detail, fields)
        try await commit(entry, ref: row.ref ?? "", record: nil, row: row)
    }
}
