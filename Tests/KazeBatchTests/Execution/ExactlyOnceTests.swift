// Tests for exactly-once under a platform that misbehaves: answers that prove nothing after a
// commit, requestNo reuse and DUPLICATE_REQUEST, reconciliation before every resend, complete
// searches only, claims across batches, per-subject order, the platform's clock and zone.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class ExactlyOnceTests: XCTestCase {
    private func cards(_ count: Int) -> [(String, String)] { (1...count).map { ("SB\($0)", "10.50") } }

    func testGatewayAndClientErrorsAfterACommitAreReconciledNeverResent() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.commitThenHTTP(502)])
        harness.platform.script("SB2", [.commitThenHTTP(504)])
        harness.platform.script("SB3", [.commitThenHTTP(400)])
        let outcome = try await harness.run(.recharges(cards(3)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 3)
        XCTAssertEqual(harness.platform.callCount(.recharge), 3, "an HTTP error after the request left is never resent")
        XCTAssertEqual(try harness.results().map { $0[4] }, ["RECONCILED", "RECONCILED", "RECONCILED"])

        harness.options.retryFailed = true
        _ = try await harness.run(.recharges(cards(3)))
        for card in 1...3 { XCTAssertEqual(harness.platform.credits("SB\(card)"), 1) }
    }

    func testALateCommitFoundBeforeTheResendIsNotPaidAgain() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.http(502)])  // refused by the gateway, nothing committed (yet)
        let first = try await harness.run(.recharges(cards(2)))
        XCTAssertEqual(first.summary.count(.failed), 1)
        XCTAssertEqual(try harness.results()[0][4], "NOT_COMMITTED")

        harness.platform.addTransaction(cardID: "SB1", amount: "10.50")  // the commit lands after the settle window
        harness.options.retryFailed = true
        let retried = try await harness.run(.recharges(cards(2)))
        XCTAssertEqual(retried.summary.count(.succeeded), 2)
        XCTAssertEqual(harness.platform.credits("SB1"), 1, "the resend is preceded by a reconciliation that finds the late commit")
        XCTAssertEqual(harness.platform.callCount(.recharge), 2)
        XCTAssertEqual(try harness.results()[0][4], "RECONCILED")
    }

    func testDuplicateRequestAfterProvenRefusalsContinuesWithANewRequestNo() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.systemError, .duplicateRequest])
        let outcome = try await harness.run(.recharges(cards(1)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 1)
        let numbers = harness.platform.requestNos(.recharge, key: "SB1")
        XCTAssertEqual(numbers.count, 3)
        XCTAssertEqual(numbers[0], numbers[1], "the retry after SYSTEM_ERROR keeps the requestNo")
        XCTAssertNotEqual(numbers[1], numbers[2], "after DUPLICATE_REQUEST with every attempt refused: a new one")
        XCTAssertEqual(harness.platform.credits("SB1"), 1)
    }

    func testDuplicateRequestOnAResendOfAnInDoubtRowLeavesItInDoubt() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.options.settleSeconds = 3600
        harness.platform.script("SB1", [.unknownWithoutCommit])
        _ = try await harness.run(.recharges(cards(1)))
        harness.options.resendUnknown = true
        harness.platform.script("SB1", [.duplicateRequest])
        let resent = try await harness.run(.recharges(cards(1)))
        XCTAssertEqual(resent.summary.count(.unknown), 1)
        let numbers = harness.platform.requestNos(.recharge, key: "SB1")
        XCTAssertEqual(numbers.count, 2)
        XCTAssertEqual(numbers[0], numbers[1], "a resend of an in-doubt row keeps its requestNo")
        XCTAssertEqual(try harness.results()[0][4], "DUPLICATE_REQUEST")
        XCTAssertEqual(harness.platform.credits("SB1"), 0)
    }

    func testAFullLastPageIsNeverTakenForAbsence() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        for _ in 0..<1_001 { harness.platform.addTransaction(cardID: "SB1", amount: "1.00") }
        harness.platform.script("SB1", [.unknownWithoutCommit])
        let outcome = try await harness.run(.recharges(cards(1)))
        XCTAssertEqual(outcome.summary.count(.unknown), 1, "more than 10 pages in one second: the search cannot be complete")
        let detail = try harness.results()[0][5]
        XCTAssertTrue(detail.contains("one second"), detail)
    }

    func testATransactionOfAnotherBatchNeverProvesARow() async throws {
        let first = try Harness(batchID: "nightA")
        defer { first.folder.remove() }
        _ = try await first.run(.recharges(cards(1)))
        XCTAssertEqual(first.platform.credits("SB1"), 1)

        let second = try Harness(platform: first.platform, batchID: "nightB", folder: first.folder)
        first.platform.script("SB1", [.unknownWithoutCommit])
        let outcome = try await second.run(.recharges(cards(1)))
        XCTAssertEqual(outcome.summary.count(.failed), 1, "last night's transaction is nightA's, not this row's")
        XCTAssertEqual(try second.results()[0][4], "NOT_COMMITTED")
    }

    func testRowsOfOneCardRunInInputOrderOneAtATime() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB9", [.slow(0.2)])
        let outcome = try await harness.run(.statusChanges([("SB9", "INACTIVE"), ("SB1", "INACTIVE"), ("SB9", "ACTIVE")]))
        XCTAssertEqual(outcome.summary.count(.succeeded), 3)
        XCTAssertEqual(harness.platform.statuses["SB9"], "ACTIVE", "the later row of the card is sent after the earlier one finished")
    }

    func testARowInDoubtHoldsBackTheLaterRowsOfItsCardAndIsNeverSentAfterThem() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.options.settleSeconds = 3600
        harness.platform.script("SB9", [.unknownWithoutCommit])
        let rows = [("SB9", "INACTIVE"), ("SB1", "INACTIVE"), ("SB9", "ACTIVE")]
        let first = try await harness.run(.statusChanges(rows))
        XCTAssertEqual(
            try harness.results().map { $0[3] }, ["UNKNOWN", "SUCCEEDED", "SKIPPED"],
            "the ACTIVE row waits: sent now, it would make the INACTIVE row's reconciliation read ACTIVE")
        XCTAssertEqual(first.summary.verdict, .unknownRemain)
        XCTAssertEqual(harness.platform.statuses["SB9"], nil)

        harness.options.settleSeconds = 0
        let second = try await harness.run(.statusChanges(rows))
        XCTAssertEqual(
            try harness.results().map { $0[4] }, ["NOT_COMMITTED", "SUCCESS", "SUCCESS"],
            "reconciled first, then the held row goes in the same run")
        XCTAssertEqual(second.summary.verdict, .someFailed)
        XCTAssertEqual(harness.platform.statuses["SB9"], "ACTIVE")

        harness.options.retryFailed = true
        _ = try await harness.run(.statusChanges(rows))
        XCTAssertEqual(harness.platform.statuses["SB9"], "ACTIVE", "the earlier INACTIVE row is not sent after the later ACTIVE one")
        let detail = try harness.results()[0][5]
        XCTAssertTrue(detail.contains("not sent again: line 4"), detail)
    }

    func testAPlatformAheadInAnotherZoneIsMeasuredAndReconciled() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.wallOffset = 8 * 3600 - 180  // UTC+08:00, clock three minutes slow
        harness.platform.dateHeaderSkew = -180
        harness.platform.script("SB2", [.commitThenUnknown])
        harness.platform.script("SB3", [.unknownWithoutCommit])
        let outcome = try await harness.run(.recharges(cards(3)))
        let rows = try harness.results()
        XCTAssertEqual(rows.map { $0[4] }, ["SUCCESS", "RECONCILED", "NOT_COMMITTED"])
        XCTAssertEqual(outcome.summary.count(.succeeded), 2)
        let record = try XCTUnwrap(PlatformClockRecord.read(path: harness.stateFolder.path + "/clock.json"))
        XCTAssertLessThanOrEqual(record.offset.low, Double(8 * 3600 - 180))
        XCTAssertGreaterThanOrEqual(record.offset.high, Double(8 * 3600 - 180))
        XCTAssertLessThan(record.offset.high - record.offset.low, 10, "measured, not every zone")
        XCTAssertTrue(record.offset.source.contains("+08:00"), record.offset.source)
    }

    func testWithNothingMeasuredTheWindowCoversEveryZone() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.wallOffset = -11 * 3600
        harness.platform.script("SB1", [.commitThenUnknown])
        let outcome = try await harness.run(.recharges(cards(1)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 1)
        XCTAssertEqual(try harness.results()[0][4], "RECONCILED")
    }
}
