// ConfirmedTotals: `--confirm-total CUR:AMOUNT`, once per currency — the money a cron job says
// it expects. A batch whose totals differ (a wrong or doubled file) is refused before anything
// is sent (`ValidationSummary.totalMismatch`).

import Foundation
import KazeProtocol

/// The totals an operator confirmed, by currency, as exact decimals.
public struct ConfirmedTotals: Sendable, Equatable {
    /// Currency → the confirmed total; empty when nothing was confirmed.
    public let amounts: [String: Decimal]

    /// Parses `CUR:AMOUNT` values (`USD:12500.00`), one per currency.
    /// - Throws: `ConfirmedTotals.Problem` naming the bad value.
    public init(_ values: [String]) throws {
        var amounts: [String: Decimal] = [:]
        for value in values {
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
                let amount = Amount(parts[1])
            else { throw Problem(description: "--confirm-total must look like USD:12500.00, got \"\(value)\"") }
            guard amounts[parts[0]] == nil else { throw Problem(description: "--confirm-total names \(parts[0]) twice") }
            amounts[parts[0]] = amount.decimal
        }
        self.amounts = amounts
    }

    /// What differs between the batch's totals and the confirmed ones, for the operator; nil
    /// when nothing was confirmed or the totals match.
    public func mismatch(with validation: ValidationSummary) -> String? {
        amounts.isEmpty ? nil : validation.totalMismatch(confirmed: amounts)
    }

    /// A `--confirm-total` value that cannot be read.
    public struct Problem: EngineError, Sendable, Equatable {
        public let description: String
        /// The command does not start.
        public var verdict: RunVerdict { .unusable }
    }
}
