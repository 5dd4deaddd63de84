// ValidationSummary+ConfirmTotal: `run --confirm-total CUR:AMOUNT` — a cron job states the
// money it expects, and a wrong or doubled file is refused before anything is sent.

import Foundation

extension ValidationSummary {
    /// Compares the confirmed totals (currency → amount) with the batch's: every currency in
    /// the batch must be confirmed, each with exactly its Decimal total.
    /// - Returns: `nil` when they match, else what differs, for the operator.
    public func totalMismatch(confirmed: [String: Decimal]) -> String? {
        let totals = self.totals
        var problems: [String] = []
        for currency in Set(totals.keys).union(confirmed.keys).sorted() {
            let actual = totals[currency] ?? 0
            guard let expected = confirmed[currency] else {
                problems.append("\(currency) \(actual) is not confirmed")
                continue
            }
            if expected != actual { problems.append("\(currency) is \(actual), confirmed \(expected)") }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
