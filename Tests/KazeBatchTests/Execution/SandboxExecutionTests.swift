// End-to-end against the in-process sandbox with faults: a 2,000-row recharge batch with
// 10% committed-then-dropped answers, 5% 5xx and rate limiting credits every card exactly
// once, proven by the sandbox's own state.

import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class SandboxExecutionTests: XCTestCase {
    func testFaultyPlatformCreditsEveryCardExactlyOnce() async throws {
        let rows = 2000
        let fixture = try SandboxFixture(
            cards: rows,
            faults: FaultOptions(
                rateLimit: 170, failRate: 0.05, dropAfterCommitRate: 0.10, seed: 20261125))
        defer { fixture.stop() }
        let input = try fixture.rechargeFile(rows: rows)
        let (source, scan) = try fixture.rechargeSource(input)
        XCTAssertEqual(scan.invalid, 0)

        var options = ExecutionOptions()
        (options.rate, options.burst, options.concurrency, options.maxAttempts) = (300, 30, 32, 8)
        options.retryBaseDelay = 0.05
        let runner = BatchRunner(
            operation: .recharge, batchID: "fault-batch", source: source, api: fixture.client, options: options,
            folder: StateFolder(batchID: "fault-batch", stateDir: fixture.folder.path("state"), inputPath: input.path),
            resultsPath: fixture.folder.path("results.csv"), auditPath: fixture.folder.path("audit.csv"),
            makeRequestNo: RequestNumber.make)
        let outcome = try await runner.run(scan: scan)

        let summary = outcome.summary
        XCTAssertEqual(summary.records, rows)
        XCTAssertEqual(summary.count(.succeeded) + summary.count(.unknown), rows, "every row SUCCEEDED or, if undecidable, UNKNOWN")
        XCTAssertEqual(summary.money.requested("USD"), scan.totals["USD"])

        let credits = fixture.rechargesPerCard()
        let results = CSVText.rows(try String(contentsOfFile: runner.resultsPath, encoding: .utf8)).dropFirst()
        XCTAssertEqual(results.count, rows)
        var reconciled = 0
        for (offset, cells) in results.enumerated() {
            let card = "SB\(String(format: "%06d", offset + 1))"
            XCTAssertEqual(cells[0], "\(offset + 2)", "input order")
            if cells[3] == "SUCCEEDED" {
                XCTAssertEqual(credits[card], 1, "\(card) succeeded and must be credited exactly once")
            } else {
                XCTAssertLessThanOrEqual(credits[card] ?? 0, 1, "\(card) is UNKNOWN and must never be credited twice")
            }
            if cells[4] == "RECONCILED" { reconciled += 1 }
        }
        XCTAssertEqual(credits.values.filter { $0 > 1 }.count, 0)

        let journal = try String(contentsOfFile: runner.folder.journalPath, encoding: .utf8)
        XCTAssertGreaterThan(reconciled, 100, "about 10% of the answers were dropped after commit")
        XCTAssertTrue(
            journal.contains("\"code\":\"SYSTEM_ERROR\"") || journal.contains("\"code\":\"HTTP_5"), "5xx faults happened and were retried")
        // Whether the client outran the sandbox's 170 rps depends on the machine's load; when the
        // sandbox did refuse requests, the journal must show the retries.
        if fixture.faultCount("rate-limit") > 0 {
            XCTAssertTrue(
                journal.contains("\"code\":\"RATE_LIMITED\"") || journal.contains("\"code\":\"HTTP_429\""),
                "rate-limited requests were retried")
        }
        XCTAssertNoThrow(
            try AuditVerifier.verify(path: runner.auditPath, expectedHeads: [.init(hash: outcome.auditHead, origin: "--head")]))
    }
}
