// RepeatFinding: the valid records of a new recharge file that an earlier batch of the same
// file already paid (or may have) — how many, the first one, and which batch — and the
// operator's message refusing to pay them again.

import Foundation

/// Records of a new batch that repeat what an earlier batch of the same file paid.
public struct RepeatFinding: Sendable, Equatable {
    /// How many valid records match an earlier paid or in-doubt row.
    public internal(set) var matches = 0
    /// The first matching record's line in the new file.
    public let line: Int
    /// Its card ID (never a card number).
    public let cardID: String
    /// Its amount as written.
    public let amount: String
    /// Its currency.
    public let currency: String
    /// The earlier batch that paid it.
    public let batch: EarlierPayments.Batch

    /// The refusal, naming `input` as the operator wrote it.
    public func message(input: String) -> String {
        let when = batch.created.count >= 16
            ? batch.created.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC" : batch.created
        let rows = matches == 1 ? "1 of its rows (line" : "\(matches) of its rows (first: line"
        return "\(input) was run before as batch \(batch.id.prefix(8)) (\(when)) and has changed since; \(rows) \(line),"
            + " \(cardID) \(currency) \(amount)) \(matches == 1 ? "was" : "were") already paid or may have been. A changed"
            + " file is a new batch, so running it would pay \(matches == 1 ? "that row" : "those rows") again. Remove the rows"
            + " that were paid, put the original file back to resume it, or pass --allow-repeat to pay them again;"
            + " nothing was sent"
    }

    /// Counts `record` when it is a valid recharge that `earlier` paid; starts a finding at the first.
    static func note(_ record: CheckedRecord, against earlier: EarlierPayments, into finding: inout RepeatFinding?) {
        guard record.issues.isEmpty, let cardID = record.value(of: "cardID")?.stringValue,
              let amount = record.value(of: "amount")?.numberText else { return }
        let currency = record.value(of: "currency")?.stringValue
        guard let key = DuplicateRule.recharge(cardID: cardID, amount: amount, currency: currency),
              let batch = earlier.batch(paying: key) else { return }
        if finding == nil {
            finding = RepeatFinding(line: record.line, cardID: cardID, amount: amount, currency: currency ?? "USD", batch: batch)
        }
        finding?.matches += 1
    }
}
