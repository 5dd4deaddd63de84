// Tests for `export transactions` and `export balances` against the in-process sandbox: every
// page of every card, a card with 2,500 transactions in the window (split below the 10-page
// cap), a platform at UTC+08:00, the cards read from a results-like JSONL file.

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class ExportTests: XCTestCase {
    private func export(_ fixture: SandboxFixture, utcOffset: Int? = nil) -> CardExport {
        var options = ExecutionOptions()
        (options.rate, options.burst, options.platformUtcOffset) = (2000, 200, utcOffset)
        return CardExport(api: fixture.client, options: options, makeRequestNo: RequestNumber.make)
    }

    private func rows(_ path: String) throws -> [[String]] {
        CSVText.rows(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The sandbox's transaction ids per card.
    private func transactionIds(_ fixture: SandboxFixture) -> [String: Set<String>] {
        var ids: [String: Set<String>] = [:]
        for item in fixture.sandbox.stateJSON().objectValue?["transactions"]?.arrayValue ?? [] {
            guard let transaction = item.objectValue, let card = transaction.text("cardID"), let id = transaction.text("transactionId")
            else { continue }
            ids[card, default: []].insert(id)
        }
        return ids
    }

    func testACardWith2500TransactionsInTheWindowIsSplitBelowThePageCapOnAPlatformAtUTCPlus8() async throws {
        let fixture = try SandboxFixture(cards: 1, faults: FaultOptions()) {
            $0.purchases = 2_500
            $0.utcOffset = UTCOffset(text: "+08:00")!
        }
        defer { fixture.stop() }
        let export = export(fixture, utcOffset: 8 * 3600)
        let offset = await export.platformOffset(probeCard: "SB000001")
        XCTAssertLessThan(offset.high - offset.low, 5, "the configured zone and the measured skew pin the offset")
        XCTAssertEqual((offset.low + offset.high) / 2, 8 * 3600, accuracy: 5)
        let window = try ExportWindow.given(from: nil, to: nil, offset: offset)
        XCTAssertEqual(Double(window.to - window.from), 86_400 + offset.high - offset.low, accuracy: 3, "the last 24 hours")

        let path = fixture.folder.path("out.csv")
        let report = try await export.transactions(of: ["SB000001"], in: window, to: path)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.rows, 2_500, "more than the 1,000 ten pages can show: the window was split")
        let lines = try rows(path)
        XCTAssertEqual(lines[0], CardExport.transactionColumns)
        XCTAssertEqual(Set(lines.dropFirst().map { $0[1] }), transactionIds(fixture)["SB000001"])
        let times = lines.dropFirst().map { $0[2] }
        XCTAssertEqual(times, times.sorted(), "oldest first")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testEveryPageOfEveryCardOfAResultsLikeJSONLFileAndTheirBalances() async throws {
        let fixture = try SandboxFixture(cards: 3, faults: FaultOptions()) {
            $0.purchases = 40
            $0.pageSizeCap = 7  // pages cut below the pageSize asked
        }
        defer { fixture.stop() }
        let cardsFile = fixture.folder.path("cards.jsonl")
        try """
        {"line":2,"outcome":"SUCCEEDED","cardID":"SB000002","amount":1}
        {"line":3,"outcome":"FAILED","cardID":"SB000001"}
        {"line":4,"outcome":"SUCCEEDED","cardID":"SB000002"}
        {"line":5,"outcome":"SUCCEEDED","cardID":"SB000003"}

        """.write(toFile: cardsFile, atomically: true, encoding: .utf8)
        let cards = try CardList.read(path: cardsFile, format: .jsonl)
        XCTAssertEqual(cards, ["SB000002", "SB000001", "SB000003"], "each card once, in file order; other keys ignored")

        let export = export(fixture)
        let offset = await export.platformOffset(probeCard: cards[0])
        let path = fixture.folder.path("out.csv")
        let report = try await export.transactions(of: cards, in: try ExportWindow.given(from: nil, to: nil, offset: offset), to: path)
        XCTAssertEqual(report, CardExport.Report(rows: 120, cards: 3, problems: []))
        let byCard = Dictionary(grouping: try rows(path).dropFirst(), by: { $0[0] }).mapValues { Set($0.map { $0[1] }) }
        XCTAssertEqual(byCard, transactionIds(fixture))
        XCTAssertTrue(try rows(path).dropFirst().allSatisfy { $0[4].hasPrefix("'-") }, "purchases are negative: formula-neutralised")

        let none = try await export.transactions(
            of: cards,
            in: try ExportWindow.given(
                from: "2020-01-01 00:00:00", to: "2020-01-01 23:59:59", offset: offset), to: path)
        XCTAssertEqual(none.rows, 0)

        let balancesPath = fixture.folder.path("balances.csv")
        let balances = try await export.balances(of: cards + ["SB999999"], to: balancesPath)
        XCTAssertEqual(balances.rows, 3)
        XCTAssertEqual(balances.problems.count, 1)
        XCTAssertTrue(balances.problems[0].hasPrefix("SB999999: "))
        let lines = try rows(balancesPath)
        XCTAssertEqual(lines[0], ["cardID", "currency", "avaBalance", "blockBalance", "queriedAt"])
        XCTAssertEqual(lines.dropFirst().map { $0[0] }, cards)
        let state = fixture.sandbox.stateJSON().objectValue?["cards"]?.arrayValue?.compactMap(\.objectValue) ?? []
        for line in lines.dropFirst() {
            XCTAssertEqual(line[1], "USD")
            XCTAssertEqual(
                Decimal(string: line[2]), state.first { $0.text("cardID") == line[0] }?.text("balance").flatMap { Decimal(string: $0) })
            XCTAssertNotNil(Timestamp.date(line[4]), "queried at, ISO 8601 UTC")
        }
    }

    func testBadWindowsAreUsageErrors() {
        let offset = PlatformOffset(low: 0, high: 0, source: "test")
        XCTAssertThrowsError(try ExportWindow.given(from: "2026-02-30 00:00:00", to: nil, offset: offset)) {
            XCTAssertTrue("\($0)".hasPrefix("--from must be a platform time"), "\($0)")
        }
        XCTAssertThrowsError(try ExportWindow.given(from: "2026-03-02 00:00:00", to: "2026-03-01 00:00:00", offset: offset))
        let only = try? ExportWindow.given(from: nil, to: "2026-03-02 00:00:00", offset: offset)
        XCTAssertEqual(only.map { $0.to - $0.from }, 86_400)
    }
}
