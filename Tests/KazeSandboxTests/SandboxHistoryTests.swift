// SandboxHistoryTests: `--purchases N` (preset card history, deterministic from the seed) and
// `--page-size-cap N` (queryTransactions pages never longer, pageNum counting capped pages).

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxHistoryTests: XCTestCase {
    private static let listFields = [
        "cardID", "transactionId", "transactionTime", "cardCurrency", "cardCurrencyAmt", "transCurrency",
        "transCurrencyAmt", "feeCurrency", "fee", "transStatus", "transType", "merchantName", "respCode", "respCodeDesc",
    ]

    private func list(_ fixture: SandboxWithClient, _ changes: [(String, JSONValue)] = []) async throws -> [JSONObject] {
        var body = RequestBodies.card("SB000001")
        for (key, value) in changes { body[key] = value }
        let outcome = await fixture.client.call(.transactions, body: body, requestNo: RequestNumber.make())
        guard case .success(let answer) = outcome else { throw UnexpectedOutcome(outcome: outcome) }
        return (answer["list"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    func testPresetPurchasesAreHistoryWithEveryFieldOverTheLastDay() async throws {
        let fixture = try startWithClient {
            $0.cards = 2
            $0.purchases = 5
            $0.clockOffsetSeconds = -7200
        }
        let platformNow = Date().addingTimeInterval(-7200)
        let entries = try await list(fixture, [("pageSize", .number("100"))])
        XCTAssertEqual(entries.count, 5)
        for entry in entries {
            XCTAssertEqual(entry.keys, Self.listFields)
            XCTAssertEqual(entry.text("transType"), "Expenditure")
            XCTAssertEqual(entry.text("transStatus"), "SUCCESS")
            XCTAssertTrue(entry.text("cardCurrencyAmt")?.hasPrefix("-") == true, "\(entry)")
            XCTAssertTrue(entry.text("transCurrencyAmt")?.hasPrefix("-") == true, "\(entry)")
            let time = try XCTUnwrap(WireTime.date(entry.text("transactionTime") ?? ""))
            XCTAssertLessThanOrEqual(time, platformNow.addingTimeInterval(1))
            XCTAssertGreaterThanOrEqual(time, platformNow.addingTimeInterval(-86_401))
        }
        let times = entries.compactMap { $0.text("transactionTime") }
        XCTAssertEqual(times, times.sorted(by: >), "newest first")
        let state = try XCTUnwrap(fixture.sandbox.stateJSON().objectValue)
        XCTAssertEqual(state["transactions"]?.arrayValue?.count, 10)
        XCTAssertTrue(state["cards"]?.arrayValue?.allSatisfy { $0.objectValue?.text("balance") == "0.00" } == true)
        XCTAssertEqual(state.text("merchantBalance"), "1000000.00")
    }

    func testPurchasesAreDeterministicFromTheSeed() throws {
        func purchases(seed: UInt64) throws -> [String] {
            let (sandbox, _) = try startSandbox {
                $0.cards = 3
                $0.purchases = 4
                $0.faults.seed = seed
            }
            return (sandbox.stateJSON().objectValue?["transactions"]?.arrayValue ?? []).compactMap { item in
                guard let t = item.objectValue, let p = t["purchase"]?.objectValue else { return nil }
                return [
                    t.text("transactionId"), t.text("cardID"), t.text("amount"), p.text("merchantName"),
                    p.text("transCurrency"), p.text("transAmount"), p.text("fee"),
                ].map { $0 ?? "?" }.joined(separator: " ")
            }
        }
        let first = try purchases(seed: 7)
        XCTAssertEqual(first.count, 12)
        XCTAssertEqual(try purchases(seed: 7), first)
        XCTAssertNotEqual(try purchases(seed: 8), first)
        XCTAssertGreaterThan(Set(first.map { $0.split(separator: " ")[4] }).count, 1, "various currencies")
    }

    func testPageSizeCapLimitsEveryPageAndPageNumCountsCappedPages() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.purchases = 8
            $0.pageSizeCap = 3
        }
        var seen: [String] = []
        for (page, expected) in [(1, 3), (2, 3), (3, 2), (4, 0)] {
            let entries = try await list(fixture, [("pageSize", .number("100")), ("pageNum", .number(String(page)))])
            XCTAssertEqual(entries.count, expected, "page \(page)")
            seen += entries.compactMap { $0.text("transactionId") }
        }
        XCTAssertEqual(Set(seen).count, 8)
        let small = try await list(fixture, [("pageSize", .number("2"))])
        XCTAssertEqual(small.count, 2, "a smaller pageSize still counts")
    }
}
