// Reconciler+Recharge: finds a recharge in the card's transactions — same card, amount and
// currency, type Recharge, dated within the window of the row's sends, and not already
// owned by another row of the batch.

import Foundation
import KazeClient
import KazeProtocol

extension Reconciler {
    func decideRecharge(_ row: RowRecord, claimed: TransactionClaims, now: Date) async -> Verdict {
        guard let cardID = row.cardID, let amount = row.amount.flatMap(Amount.init), let currency = row.currency else {
            return .undecided(detail: "the journal lacks the card, amount or currency to match")
        }
        let firstSend = (row.firstSendTime ?? row.lastSendTime).flatMap(Timestamp.date) ?? now
        let start = Timestamp.wire(firstSend.addingTimeInterval(-options.reconcileMarginSeconds))
        let end = Timestamp.wire(now.addingTimeInterval(options.reconcileMarginSeconds))
        var candidates: [JSONObject] = []
        for page in 1...10 {
            let query = JSONObject([
                ("cardID", .string(cardID)), ("pageSize", .number("100")), ("pageNum", .number("\(page)")),
                ("transactionStartTime", .string(start)), ("transactionEndTime", .string(end)),
            ])
            guard case .success(let body) = await read(.transactions, query) else {
                return .undecided(detail: "cannot list the card's transactions to reconcile")
            }
            let list = body["list"]?.arrayValue?.compactMap(\.objectValue) ?? []
            for entry in list where matches(entry, amount: amount, currency: currency) {
                guard let id = entry.text("transactionId") else { continue }
                do { if try claimed.contains(id) { continue } } catch {
                    return .undecided(detail: "cannot tell whether transaction \(id) is another row's: \(error)")
                }
                candidates.append(entry)
            }
            if list.count < 100 { break }
        }
        // The list is newest first; the oldest unclaimed match is the one nearest the send.
        guard let match = candidates.last, let id = match.text("transactionId") else {
            return notFound(row, now: now, what: "no \(currency) \(amount.text) recharge of \(cardID) found")
        }
        let status = match.text("transStatus") ?? ""
        if status.uppercased() == "FAILED" {
            return .failed(code: "FAILED", detail: "reconciled: transaction \(id) FAILED")
        }
        let fields = ["cardID": cardID, "currency": currency, "transactionId": id, "transactionStatus": status,
                      "sendAmount": amount.text]
        return .succeeded(detail: "reconciled: transaction \(id) found (\(status))", fields: fields)
    }

    private func matches(_ entry: JSONObject, amount: Amount, currency: String) -> Bool {
        guard entry.text("transType")?.lowercased() == "recharge" else { return false }
        let pairs = [("transCurrency", "transCurrencyAmt"), ("cardCurrency", "cardCurrencyAmt")]
        return pairs.contains { currencyKey, amountKey in
            guard entry.text(currencyKey)?.uppercased() == currency.uppercased(),
                  let text = entry.text(amountKey),
                  let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            else { return false }
            return value == amount.decimal
        }
    }
}
