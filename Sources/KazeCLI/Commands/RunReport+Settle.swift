// RunReport+Settle: how `settle` (and `run --settle`) tells what it found — the money the
// platform confirmed, the money that failed (no money moved) and what is still pending.

import KazeBatch
import KazeProtocol

extension RunReport {
    /// One line per currency, or none when settle did not run.
    var settleLines: [String] {
        guard let settle = outcome.settle else { return [] }
        if settle.currencies.isEmpty { return ["settle: no recharge was pending"] }
        var lines = settle.currencies.map { currency in
            "settle \(currency): confirmed \(MoneyText.twoDecimals(settle.sum(.confirmed, currency)))"
                + " · failed \(MoneyText.twoDecimals(settle.sum(.failed, currency))) (no money moved)"
                + " · still pending \(MoneyText.twoDecimals(settle.sum(.pending, currency)))"
        }
        lines.append(
            "settle rows: \(settle.count(.confirmed)) confirmed · \(settle.count(.failed)) failed · \(settle.count(.pending)) still pending"
        )
        if settle.count(.failed) > 0 { lines.append("FAILED transactions moved no money: send those rows again with --retry-failed") }
        if settle.count(.pending) > 0 { lines.append("pending transactions: run `kazebatch settle` again later (or give --wait SECONDS)") }
        return lines
    }

    /// `{"confirmed": {"rows": n, "USD": "…"}, "failed": …, "pending": …}`, or null.
    var settleJSON: JSONValue {
        guard let settle = outcome.settle else { return .null }
        return .object(
            JSONObject(
                SettleTally.Result.allCases.map { result in
                    (
                        result.rawValue,
                        JSONValue.object(
                            JSONObject(
                                [("rows", JSONValue.number("\(settle.count(result))"))]
                                    + settle.currencies.map { ($0, JSONValue.string(MoneyText.twoDecimals(settle.sum(result, $0)))) }))
                    )
                }))
    }
}
