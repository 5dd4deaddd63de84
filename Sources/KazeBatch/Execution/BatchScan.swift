// BatchScan: the first pass over a batch before anything is sent — how many records are
// valid or invalid, and the money each currency would move (for --confirm-total).

import Foundation

/// What the validation pass found.
public struct BatchScan: Sendable, Equatable {
    /// Records in the input.
    public private(set) var records = 0
    /// Records that failed validation.
    public private(set) var invalid = 0
    /// Valid recharge money per currency.
    public private(set) var totals: [String: Decimal] = [:]
    /// The first few problems, for the operator (the errors file has them all).
    public private(set) var firstIssues: [RecordIssue] = []

    /// Reads `source` once.
    /// - Throws: when the input cannot be read.
    public init(source: any BatchSource) throws {
        try source.forEachRecord { record in
            records += 1
            switch record {
            case .valid(let valid):
                if let amount = valid.amount { totals[valid.currency, default: 0] += amount.decimal }
            case .invalid(_, _, let issues):
                invalid += 1
                if firstIssues.count < 10 { firstIssues += issues.prefix(10 - firstIssues.count) }
            }
        }
    }

    /// Checks `--confirm-total` values (currency → amount) against the totals: every
    /// currency in the batch must be confirmed, each with exactly its total.
    /// - Returns: `nil` when they match, else what differs, for the operator.
    public func mismatch(confirmed: [String: Decimal]) -> String? {
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
