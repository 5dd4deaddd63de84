// Reconciler+Recharge: finds a recharge among the card's transactions — same card, amount
// (by value) and currency, type Recharge, in the window of the row's sends mapped to the
// platform's wall clock, owned by no other row of any batch of the state dir — and takes the
// one nearest after the send. Absence decides NOT_COMMITTED only after a complete search.

import Foundation
import KazeProtocol

extension Reconciler {
    func decideRecharge(_ row: RowRecord, claims: Claims, offset: PlatformOffset, now: Date) async -> Verdict {
        guard let cardID = row.cardID, let amount = row.amount.flatMap(Amount.init), let currency = row.currency else {
            return .undecided(detail: "the journal lacks the card, amount or currency to match")
        }
        let firstSend = (row.firstSendTime ?? row.lastSendTime).flatMap(Timestamp.date) ?? now
        let margin = options.reconcileMarginSeconds
        let from = Int((firstSend.timeIntervalSince1970 + offset.low - margin).rounded(.down))
        let to = Int((now.timeIntervalSince1970 + offset.high + margin).rounded(.up))
        let search = TransactionSearch(read: { await read($0, $1) }, cardID: cardID)
        let entries: [Transaction]
        switch await search.list(from: from, to: to) {
        case .complete(let list): entries = list.map(Transaction.init(body:))
        case .incomplete(let reason): return .undecided(detail: "\(reason); the row stays in doubt")
        }
        var best: (entry: Transaction, id: String, time: Int)?
        for entry in entries where matches(entry, amount: amount, currency: currency) {
            guard let id = entry.transactionId, let time = entry.transactionTime.flatMap(WireTime.wallSeconds)
            else { continue }
            do { if try claims.contains(id) { continue } } catch {
                return .undecided(detail: "cannot tell whether transaction \(id) is another row's: \(error)")
            }
            if best == nil || time < best!.time { best = (entry, id, time) }
        }
        let window = "\(WireTime.text(wallSeconds: from)) … \(WireTime.text(wallSeconds: to)) platform time"
        guard let match = best else {
            return notFound(row, now: now, what: "no unclaimed \(currency) \(amount.text) recharge of \(cardID) in \(window)")
        }
        let status = match.entry.transStatus ?? ""
        if status.uppercased() == "FAILED" {
            return .failed(
                code: "TRANSACTION_FAILED", detail: "reconciled: transaction \(match.id) FAILED; no money moved",
                fields: ["transactionId": match.id, "transactionStatus": status])
        }
        let fields = [
            "cardID": cardID, "currency": currency, "transactionId": match.id, "transactionStatus": status,
            "sendAmount": amount.text,
        ]
        return .succeeded(detail: "reconciled: transaction \(match.id) found (\(status))", fields: fields)
    }

    private func matches(_ entry: Transaction, amount: Amount, currency: String) -> Bool {
        guard entry.transType?.lowercased() == "recharge" else { return false }
        let pairs = [(entry.transCurrency, entry.transCurrencyAmt), (entry.cardCurrency, entry.cardCurrencyAmt)]
        return pairs.contains { entryCurrency, entryAmount in
            guard entryCurrency?.uppercased() == currency.uppercased(),
                let text = entryAmount, let value = Amount.decimal(text)
            else { return false }
            return value == amount.decimal
        }
    }
}
