// SettleTally: what `settle` found — the recharges whose pending transaction the platform
// now reports SUCCESS (money confirmed) or FAILED (no money moved), and those still pending.

import Foundation

/// Rows and money per currency by settle result.
public struct SettleTally: Sendable, Equatable {
    /// How a pending recharge stands after a settle pass.
    public enum Result: String, Sendable, CaseIterable {
        /// The transaction is SUCCESS: the money arrived.
        case confirmed
        /// The transaction is FAILED: no money moved; the row is FAILED `TRANSACTION_FAILED`.
        case failed
        /// Not final yet (or the platform could not be asked).
        case pending
    }

    /// result → currency → amount.
    public private(set) var money: [Result: [String: Decimal]] = [:]
    /// result → rows.
    public private(set) var rows: [Result: Int] = [:]

    /// Nothing settled yet.
    public init() {}

    /// Counts one row of `amount` `currency`.
    mutating func add(_ result: Result, amount: Decimal, currency: String) {
        money[result, default: [:]][currency, default: 0] += amount
        rows[result, default: 0] += 1
    }

    /// This pass's findings added to the earlier passes': confirmed and failed add up, pending
    /// is what the latest pass left.
    func then(_ next: SettleTally) -> SettleTally {
        var merged = next
        for result in [Result.confirmed, .failed] {
            merged.rows[result] = (rows[result] ?? 0) + (next.rows[result] ?? 0)
            for (currency, amount) in money[result] ?? [:] { merged.money[result, default: [:]][currency, default: 0] += amount }
        }
        return merged
    }

    /// The rows with `result`.
    public func count(_ result: Result) -> Int { rows[result] ?? 0 }

    /// The money with `result` in `currency`.
    public func sum(_ result: Result, _ currency: String) -> Decimal { money[result]?[currency] ?? 0 }

    /// Every currency seen, sorted.
    public var currencies: [String] { Set(money.values.flatMap(\.keys)).sorted() }
}
