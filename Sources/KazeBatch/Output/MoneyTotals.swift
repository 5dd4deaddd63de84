// MoneyTotals: recharge money per currency and per outcome, as exact Decimals, so the
// closing summary can show requested = succeeded + failed + invalid + unknown + skipped.

import Foundation

/// Sums of amounts by currency and outcome.
public struct MoneyTotals: Sendable, Equatable {
    /// currency → outcome → sum.
    public private(set) var byCurrency: [String: [RowOutcome: Decimal]] = [:]
    /// currency → the part of the SUCCEEDED sum whose transaction the platform reports
    /// settled (`transactionStatus` SUCCESS); the rest of SUCCEEDED is still pending.
    public private(set) var settledByCurrency: [String: Decimal] = [:]

    /// Empty totals.
    public init() {}

    /// Adds `amount` of `currency` under `outcome`; `settled` tells a SUCCEEDED recharge whose
    /// transaction the platform reports final (SUCCESS) from one still pending.
    public mutating func add(_ amount: Decimal, currency: String, outcome: RowOutcome, settled: Bool = false) {
        byCurrency[currency, default: [:]][outcome, default: 0] += amount
        if outcome == .succeeded, settled { settledByCurrency[currency, default: 0] += amount }
    }

    /// The SUCCEEDED amount of `currency` whose transaction is settled.
    public func settled(_ currency: String) -> Decimal { settledByCurrency[currency] ?? 0 }

    /// The SUCCEEDED amount of `currency` whose transaction is still pending at the platform.
    public func pending(_ currency: String) -> Decimal { sum(currency, .succeeded) - settled(currency) }

    /// The sum of one currency and outcome (0 when none).
    public func sum(_ currency: String, _ outcome: RowOutcome) -> Decimal { byCurrency[currency]?[outcome] ?? 0 }

    /// Everything requested in `currency` (all outcomes).
    public func requested(_ currency: String) -> Decimal {
        byCurrency[currency]?.values.reduce(0, +) ?? 0
    }

    /// The currencies, sorted.
    public var currencies: [String] { byCurrency.keys.sorted() }
}
