// ValidationSummary: counts built while streaming outcomes — records, valid, invalid, errors by
// code — and, for recharges, the exact money total per currency of the valid records.

import Foundation
import KazeProtocol

/// What a validation run found, accumulated one outcome at a time.
public struct ValidationSummary: Sendable {
    /// The operation validated.
    public let operation: APIOperation
    /// Records read.
    public private(set) var records = 0
    /// Records that passed every check.
    public private(set) var valid = 0
    /// Records with at least one error.
    public private(set) var invalid = 0
    /// Errors found, by code (a record may have several).
    public private(set) var issueCounts: [String: Int] = [:]
    /// Header-level problems already counted: each counts once, however many records it spoils.
    private var headerIssuesCounted: Set<String> = []
    /// Totals by currency, in order of first appearance (a handful, so a list beats hashing).
    private var money: [(currency: String, total: MoneyTotal)] = []

    /// An empty summary for `operation`.
    public init(operation: APIOperation) { self.operation = operation }

    /// Counts one outcome (and, for a valid recharge, adds its amount to its currency's total).
    public mutating func add(_ outcome: ValidationResult) {
        switch outcome {
        case .valid(let record) where operation.movesMoney:
            count(issues: [], amount: record.body["amount"]?.numberText, currency: record.currency)
        case .valid:
            count(issues: [], amount: nil, currency: "")
        case .invalid(_, _, let issues, _):
            count(issues: issues, amount: nil, currency: "")
        }
    }

    /// Counts one checked record, as `add(_:)` counts its outcome.
    mutating func add(_ record: CheckedRecord) {
        guard record.issues.isEmpty, operation.movesMoney else {
            return count(issues: record.issues, amount: nil, currency: "")
        }
        // An absent currency is the platform's default, USD (as `ValidRecord.currency` says).
        let currency = record.value(of: "currency")?.stringValue ?? "USD"
        count(issues: [], amount: record.value(of: "amount")?.numberText, currency: currency)
    }

    private mutating func count(issues: [RecordIssue], amount: String?, currency: String) {
        records += 1
        guard issues.isEmpty else {
            invalid += 1
            for issue in issues where !issue.isHeaderLevel || headerIssuesCounted.insert(issue.headerKey).inserted {
                issueCounts[issue.code, default: 0] += 1
            }
            return
        }
        valid += 1
        guard operation.movesMoney, let amount, let cents = MoneyText.cents(amount) else { return }
        if let index = money.firstIndex(where: { $0.currency == currency }) {
            money[index].total.add(cents: cents)
        } else {
            money.append((currency, MoneyTotal()))
            money[money.count - 1].total.add(cents: cents)
        }
    }

    /// All errors found.
    public var issueCount: Int { issueCounts.values.reduce(0, +) }

    /// Error codes with their counts, most frequent first (ties by code).
    public var codesByFrequency: [(code: String, count: Int)] {
        issueCounts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Money to be sent per currency (valid recharges only), exact.
    public var totals: [String: Decimal] {
        Dictionary(uniqueKeysWithValues: money.map { ($0.currency, $0.total.decimal) })
    }

    /// The totals as `CUR:amount` with two decimals, sorted by currency (`USD:12500.00`), the
    /// form `run --confirm-total` takes.
    public var totalsText: [String] {
        money.sorted { $0.currency < $1.currency }.map { "\($0.currency):\($0.total.text)" }
    }
}
