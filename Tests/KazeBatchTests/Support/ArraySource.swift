// ArraySource: a RecordReader over records made in the test, plus record builders.

import KazeProtocol

@testable import KazeBatch

/// Records held in memory (tests only; production streams from the file).
struct ArraySource: BatchSource {
    let records: [ValidationResult]

    func forEachRecord(_ body: (ValidationResult) throws -> Void) throws {
        for record in records { try body(record) }
    }

    /// Recharge rows on lines 2..., one per (cardID, amount).
    static func recharges(_ rows: [(String, String)], currency: String = "USD") -> ArraySource {
        ArraySource(
            records: rows.enumerated().map { offset, row in
                .valid(
                    ValidRecord(
                        line: offset + 2, ref: "r\(offset + 2)", operation: .recharge,
                        body: JSONObject([("cardID", .string(row.0)), ("currency", .string(currency)), ("amount", .number(row.1))])))
            })
    }

    /// set-status rows on lines 2..., one per (cardID, status).
    static func statusChanges(_ rows: [(String, String)]) -> ArraySource {
        ArraySource(
            records: rows.enumerated().map { offset, row in
                .valid(
                    ValidRecord(
                        line: offset + 2, ref: "", operation: .setStatus,
                        body: JSONObject([("cardID", .string(row.0)), ("status", .string(row.1))])))
            })
    }

    /// set-pin rows on lines 2...
    static func pinSets(_ cards: [String]) -> ArraySource {
        ArraySource(
            records: cards.enumerated().map { offset, card in
                .valid(
                    ValidRecord(
                        line: offset + 2, ref: "", operation: .setPin,
                        body: JSONObject([("cardID", .string(card)), ("pin", .string("123456"))])))
            })
    }
}
