// CSVWriterRoundTripTests: a seeded property test of every CSV kazebatch writes — errors file,
// results file, `export balances` and the audit — with thousands of random cells built from CR,
// LF, CRLF, quotes, commas, a BOM, non-ASCII letters, combining marks, emoji and control
// characters. Each file is read back by Python's `csv` module (RFC 4180, strict; one python3 run
// for all files) and by kazebatch's own CSVReader: every cell must come back as written, with
// control characters other than CR and LF as `<U+XXXX>` (in the audit, CR and LF too) and the
// formula guard's leading `'`. The audit must still verify.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class CSVWriterRoundTripTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        addTeardownBlock { [folder] in folder?.remove() }
    }

    /// The pieces random cells are made of.
    private static let pieces: [String] = [
        "a", "Z", "7", " ", ".", "'", "=", "-", "+", "@", ",", "\"", "\r", "\n", "\r\n", "\n\r", "\u{FEFF}", "é", "e\u{301}",
        "\u{301}", "日本", "😀", "👩‍👩‍👧", "\t", "\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}",
        "\u{9F}", "\u{200B}", "\u{2028}", "\"\u{301}", ",\u{301}", "\r\u{301}",
    ]

    private struct Cells {
        let random: RandomSource
        func next() -> String {
            let count = Int(random.nextFraction() * 9)
            return (0..<count).map { _ in
                CSVWriterRoundTripTests.pieces[Int(random.nextFraction() * Double(CSVWriterRoundTripTests.pieces.count))]
            }
            .joined()
        }
    }

    /// What a reader must get back for `value`: control characters written as `<U+XXXX>` (CR
    /// and LF kept unless `oneLine`), then the formula guard.
    private static func expected(_ value: String, oneLine: Bool = false) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            let isLineBreak = scalar == "\r" || scalar == "\n"
            let isControl = scalar.properties.generalCategory == .control
            if isControl && !(isLineBreak && !oneLine) {
                text += String(format: "<U+%04X>", scalar.value)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        if let first = text.unicodeScalars.first, "=+-@\r".unicodeScalars.contains(first) { return "'" + text }
        return text
    }

    /// A written file and the rows every reader must find in it (header included).
    private struct Written {
        let path: String
        let rows: [[String]]
    }

    func testRandomCellsRoundTripThroughEveryWriterAndTwoRFC4180Readers() async throws {
        let cells = Cells(random: RandomSource(seed: 0x4B41_5A45))
        let perWriter = 600
        var files: [Written] = []
        files.append(try writeErrorsFile(cells, rows: perWriter))
        files.append(try writeResultsFile(cells, rows: perWriter))
        files.append(try await writeBalancesExport(cells, rows: perWriter))
        files.append(try writeAudit(cells, rows: perWriter))

        for file in files {
            let rows = try CSVReadBack.readWithCSVReader(file.path)
            XCTAssertEqual(rows.count, file.rows.count, "CSVReader's rows of \(file.path)")
            for (index, (got, want)) in zip(rows, file.rows).enumerated() where Self.bytes(got) != Self.bytes(want) {
                XCTFail("\(file.path) row \(index): CSVReader read \(Self.difference(got, want))")
                break
            }
        }
        guard let python = CSVReadBack.python3() else { throw XCTSkip("python3 is not on PATH: only CSVReader read the files") }
        let fromPython = try CSVReadBack.readWithPython(python, paths: files.map(\.path))
        for (file, rows) in zip(files, fromPython) {
            XCTAssertEqual(rows.count, file.rows.count, "rows of \(file.path)")
            for (index, (got, want)) in zip(rows, file.rows).enumerated() where Self.bytes(got) != Self.bytes(want) {
                XCTFail("\(file.path) row \(index): python read \(Self.difference(got, want))")
                break
            }
        }
    }

    private func writeErrorsFile(_ cells: Cells, rows: Int) throws -> Written {
        let url = folder.url.appendingPathComponent("input.errors.csv")
        let file = try ErrorsFile(url: url)
        var expected = [ErrorsFile.header]
        for line in 1...rows {
            let issue = RecordIssue(line: line, ref: cells.next(), field: cells.next(), code: cells.next(), message: cells.next())
            try file.add([issue])
            expected.append(["\(line)", issue.ref, issue.field, issue.code, issue.message].map { Self.expected($0) })
        }
        try file.commit()
        return Written(path: url.path, rows: expected)
    }

    private func writeResultsFile(_ cells: Cells, rows: Int) throws -> Written {
        let path = folder.path("input.results.csv")
        let writer = try ResultsWriter(path: path, operation: .recharge)
        let columns = ResultColumns(operation: .recharge)
        var expected = [columns.header]
        for line in 1...rows {
            let request = Dictionary(uniqueKeysWithValues: columns.request.map { ($0, cells.next()) })
            let fields = Dictionary(uniqueKeysWithValues: columns.response.map { ($0, cells.next()) })
            let row = ResultRow(
                line: line, ref: cells.next(), outcome: .failed, code: cells.next(), detail: cells.next(),
                requestNo: cells.next(), attempts: 1, fields: fields, request: request, time: cells.next())
            try writer.write(row)
            let values =
                ["\(line)", row.ref, "recharge", "FAILED", row.code, row.detail, row.requestNo, "1"]
                + columns.request.map { request[$0]! } + columns.response.map { fields[$0]! } + [row.time]
            expected.append(values.map { Self.expected($0) })
        }
        try writer.commit()
        return Written(path: path, rows: expected)
    }

    private func writeBalancesExport(_ cells: Cells, rows: Int) async throws -> Written {
        var answers: [String: JSONObject] = [:]
        var cards: [String] = []
        while cards.count < rows {
            let card = "C\(cards.count)" + cells.next()
            cards.append(card)
            answers[card] = JSONObject([
                ("cardID", .string(card)), ("currency", .string(cells.next())),
                ("avaBalance", .string(cells.next())), ("blockBalance", .string(cells.next())),
            ])
        }
        var options = ExecutionOptions()
        (options.rate, options.burst) = (1_000_000, 1_000_000)
        let export = CardExport(api: AnsweringAPI(balances: answers), options: options, makeRequestNo: { "R1" })
        let path = folder.path("cards.balances.csv")
        let report = try await export.balances(of: cards, to: path)
        XCTAssertEqual(report.rows, rows)
        let written = try CSVReadBack.readWithCSVReader(path)
        var expected = [CardExport.balanceColumns]
        for (card, row) in zip(cards, written.dropFirst()) {
            let answer = answers[card]!
            expected.append(
                ["cardID", "currency", "avaBalance", "blockBalance"].map { Self.expected(answer.text($0)!) } + [row.last ?? ""])
        }
        return Written(path: path, rows: expected)
    }

    private func writeAudit(_ cells: Cells, rows: Int) throws -> Written {
        let path = folder.path("input.audit.csv")
        let log = try AuditLog(path: path)
        var expected: [[String]] = []
        var previous = AuditRow.genesis
        for seq in 1...rows {
            let row = AuditRow(
                time: cells.next(), batch: "b1", line: seq, ref: cells.next(), apiCode: "cardRecharge",
                requestNo: cells.next(), event: "SENT", code: cells.next(), amount: cells.next(),
                currency: cells.next(), card: cells.next(), detail: cells.next())
            try log.record(row)
            let values = [
                "\(seq)", row.time, row.batch, "\(seq)", row.ref, row.apiCode, row.requestNo, row.event, row.code,
                row.amount, row.currency, row.card, row.detail, previous,
            ]
            previous = log.head.hash
            expected.append(values.map { Self.expected($0, oneLine: true) } + [previous])
        }
        let report = try AuditVerifier.verify(path: path)
        XCTAssertEqual(report.rows, rows, "the audit verifies: each hash covers exactly the bytes written")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, rows + 2, "one physical line per row (header, rows, the final LF)")
        return Written(path: path, rows: [AuditRow.header.split(separator: ",").map(String.init)] + expected)
    }

    /// A row's exact bytes (Swift's `==` on String holds canonically equivalent texts equal).
    private static func bytes(_ row: [String]) -> [[UInt8]] { row.map { Array($0.utf8) } }

    /// The cells of `got` that differ from `want`, for a failure message.
    private static func difference(_ got: [String], _ want: [String]) -> String {
        guard got.count == want.count else { return "\(got.count) cells, expected \(want.count): \(got.debugDescription)" }
        return zip(got, want).enumerated().filter { Array($0.element.0.utf8) != Array($0.element.1.utf8) }
            .map { "cell \($0.offset) \($0.element.0.debugDescription), expected \($0.element.1.debugDescription)" }.joined(separator: "; ")
    }
}

/// A platform that answers `cardBalance` with the body given for the card.
private struct AnsweringAPI: CardAPI {
    let balances: [String: JSONObject]

    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        guard let card = body.text("cardID"), let answer = balances[card] else { return .businessFailure(body: JSONObject([])) }
        return .success(body: answer)
    }
}
