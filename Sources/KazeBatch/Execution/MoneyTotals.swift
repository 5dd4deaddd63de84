// MoneyTotals: recharge money per currency and per outcome, as exact Decimals, so the
// closing summary can show requested = succeeded + failed + invalid + unknown + skipped.

import Foundation

/// Sums of amounts by currency and outcome.
public struct MoneyTotals: Sendable, Equatable {
    /// currency → outcome → sum.
    public private(set) var byCurrency: [String: [RowOutcome: Decimal]] = [:]

    /// Empty totals.
    public init() {}

    /// Adds `amount` of `currency` under `outcome`.
    public mutating func add(_ amount: Decimal, currency: String, outcome: RowOutcome) {
        byCurrency[currency, default: [:]][outcome, default: 0] += amount
    }

    /// The sum of one currency and outcome (0 when none).
    public func sum(_ currency: String, _ outcome: RowOutcome) -> Decimal { byCurrency[currency]?[outcome] ?? 0 }

    /// Everything requested in `currency` (all outcomes).
    public func requested(_ currency: String) -> Decimal {
        byCurrency[currency]?.values.reduce(0, +) ?? 0
    }

    /// The currencies, sorted.
    public var currencies: [String] { byCurrency.keys.sorted() }
}
