// Tests for `settle`: recharges answered PENDING get their final status from the in-process
// sandbox (which fails some of them later), journaled and audited as SETTLED/SETTLE_FAILED;
// a FAILED transaction makes the row FAILED TRANSACTION_FAILED, and --retry-failed sends it
// again with a new requestNo.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class SettleTests: XCTestCase {
    private func runner(_ fixture: SandboxFixture, _ input: URL, retryFailed: Bool = false) throws -> BatchRunner {
        var options = ExecutionOptions()
        (options.rate, options.burst, options.concurrency) = (200, 20, 8)
        options.retryFailed = retryFailed
        let source = BatchValidator(operation: .recharge, file: input, format: .csv, options: ValidationOptions())
        var runner = BatchRunner(
            operation: .recharge, batchID: "settle", source: source, api: fixture.client, options: options,
            folder: StateFolder(batchID: "settle", stateDir: fixture.folder.path("state"), inputPath: input.path),
            resultsPath: fixture.folder.path("results.csv"), auditPath: fixture.folder.path("audit.csv"),
            makeRequestNo: RequestNumber.make)
        runner.auditSigner = AuditSigner(key: try TestKeys.merchant)
        return runner
    }

    private func scan(_ runner: BatchRunner) throws -> ValidationSummary {
        var scan = ValidationSummary(operation: .recharge)
        try runner.source.forEachRecord { scan.add($0) }
        return scan
    }

    private func results(_ runner: BatchRunner) throws -> [[String]] {
        Array(CSVText.rows(try String(contentsOfFile: runner.resultsPath, encoding: .utf8)).dropFirst())
    }

    func testPendingRechargesSettleAndAFailedTransactionIsSentAgainWithRetryFailed() async throws {
        let fixture = try SandboxFixture(cards: 12, faults: FaultOptions(rechargeFailRate: 0.5, seed: 7)) { $0.pendingMs = 400 }
        defer { fixture.stop() }
        let input = try fixture.rechargeFile(rows: 12)
        let runner = try runner(fixture, input)
        let run = try await runner.run(scan: try scan(runner))
        XCTAssertEqual(run.summary.count(.succeeded), 12, "answered PENDING: SUCCEEDED, not final")
        XCTAssertEqual(run.summary.money.settled("USD"), 0)
        XCTAssertNil(run.settle)

        let settled = try await runner.settle(wait: 30)
        let tally = try XCTUnwrap(settled.settle)
        XCTAssertEqual(tally.count(.pending), 0)
        XCTAssertEqual(tally.count(.confirmed) + tally.count(.failed), 12)
        XCTAssertGreaterThan(tally.count(.failed), 0, "the sandbox fails about half")
        XCTAssertGreaterThan(tally.count(.confirmed), 0)
        XCTAssertEqual(settled.summary.count(.failed), tally.count(.failed))
        XCTAssertEqual(settled.summary.money.settled("USD"), tally.sum(.confirmed, "USD"))
        XCTAssertEqual(settled.summary.money.sum("USD", .failed), tally.sum(.failed, "USD"))
        XCTAssertEqual(settled.verdict, .someFailed)
        let failedRows = try results(runner).filter { $0[3] == "FAILED" }
        XCTAssertEqual(failedRows.count, tally.count(.failed))
        XCTAssertTrue(failedRows.allSatisfy { $0[4] == "TRANSACTION_FAILED" })

        let audit = try String(contentsOfFile: runner.auditPath, encoding: .utf8)
        XCTAssertEqual(audit.components(separatedBy: ",SETTLED,SUCCESS,").count - 1, tally.count(.confirmed))
        XCTAssertEqual(audit.components(separatedBy: ",SETTLE_FAILED,TRANSACTION_FAILED,").count - 1, tally.count(.failed))
        let report = try AuditVerifier.verify(path: runner.auditPath, publicKey: try TestKeys.merchant.publicKey())
        XCTAssertEqual(report.unsignedRows, 0)
        XCTAssertEqual(
            try BatchEvents.audit(runner.auditPath, batch: "settle").events,
            try BatchEvents.journal(runner.folder.journalPath), "the settle events went through the journal")

        let again = try await runner.settle(wait: 0)  // nothing left to settle
        XCTAssertEqual(again.settle?.count(.confirmed), 0)
        XCTAssertEqual(again.settle?.count(.failed), 0)

        let failedCards = Set(failedRows.map { "SB" + String(format: "%06d", Int($0[0])! - 1) })
        let oldRequestNos = Set(failedRows.map { $0[6] })
        let retry = try self.runner(fixture, input, retryFailed: true)
        _ = try await retry.run(scan: try scan(retry))
        let credits = fixture.rechargesPerCard()
        for card in failedCards {
            XCTAssertEqual(credits[card], 1, "\(card): its FAILED transaction moved nothing; sent once more, credited once")
        }
        let resent = try results(retry).filter { failedCards.contains("SB" + String(format: "%06d", Int($0[0])! - 1)) }
        XCTAssertTrue(resent.allSatisfy { !oldRequestNos.contains($0[6]) }, "a new requestNo for a proven failure")
        XCTAssertEqual(credits.values.reduce(0, +), 12, "every card credited once (FAILED transactions credit nothing)")
    }

    func testOnePassLeavesStillPendingTransactionsPendingExit5() async throws {
        let fixture = try SandboxFixture(cards: 3, faults: FaultOptions()) { $0.pendingMs = 3_600_000 }
        defer { fixture.stop() }
        let input = try fixture.rechargeFile(rows: 3)
        var runner = try runner(fixture, input)
        runner.settleAtEnd = true  // run --settle
        let outcome = try await runner.run(scan: try scan(runner))
        XCTAssertEqual(outcome.settle?.count(.pending), 3)
        XCTAssertEqual(outcome.settle?.sum(.pending, "USD"), outcome.summary.money.sum("USD", .succeeded))
        XCTAssertEqual(outcome.summary.verdict, .succeeded)
        XCTAssertEqual(outcome.verdict, .unknownRemain, "some still pending")
        XCTAssertFalse(try String(contentsOfFile: runner.auditPath, encoding: .utf8).contains("SETTLE"))
    }
}
