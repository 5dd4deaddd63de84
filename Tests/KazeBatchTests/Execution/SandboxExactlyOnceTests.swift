// Exactly-once against the real sandbox misbehaving on purpose: gateway errors after the
// commit, a platform clock behind ours in another zone, a card with thousands of transactions
// behind a low page cap, commits that land after the settle window, and platforms that
// deduplicate (or reject) repeated requestNos — each followed by the follow-ups the tool
// recommends (`reconcile`, `--retry-failed`). Proven by the sandbox's own state.

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class SandboxExactlyOnceTests: XCTestCase {
    /// Runs the recharge file `input` as batch `batch` against `fixture` (reconcile only with
    /// `reconcileOnly`).
    private func run(
        _ fixture: SandboxFixture, _ input: URL, batch: String = "b1", reconcileOnly: Bool = false,
        _ configure: (inout ExecutionOptions) -> Void = { _ in }
    ) async throws -> RunResult {
        let (source, scan) = try fixture.rechargeSource(input)
        XCTAssertEqual(scan.invalid, 0)
        var options = ExecutionOptions()
        (options.rate, options.burst, options.concurrency, options.maxAttempts) = (500, 50, 16, 6)
        (options.retryBaseDelay, options.settleSeconds) = (0.02, 0)
        options.breakerRatio = 2  // a platform failing on purpose must not halt the batch here
        configure(&options)
        let runner = BatchRunner(
            operation: .recharge, batchID: batch, source: source, api: fixture.client, options: options,
            folder: StateFolder(batchID: batch, stateDir: fixture.folder.path("state"), inputPath: input.path),
            resultsPath: fixture.folder.path("\(batch).results.csv"), auditPath: fixture.folder.path("audit.csv"),
            makeRequestNo: RequestNumber.make)
        let outcome = reconcileOnly ? try await runner.reconcile() : try await runner.run(scan: scan)
        if ProcessInfo.processInfo.environment["KAZEBATCH_TEST_DEBUG"] != nil {
            for line in try String(contentsOfFile: runner.resultsPath, encoding: .utf8).split(separator: "\n")
            where !line.contains(",SUCCEEDED,") { print("DEBUG", batch, line) }
        }
        return outcome
    }

    /// The follow-ups the tool recommends, until every row is decided (at most `rounds`):
    /// `reconcile` while rows are UNKNOWN, `run --retry-failed` while rows were not done. No card
    /// may be paid twice at any step. Returns the last outcome.
    @discardableResult
    private func followUp(_ fixture: SandboxFixture, _ input: URL, creditsPerCard: Int = 1, rounds: Int = 6) async throws -> RunResult {
        var outcome = try await run(fixture, input, reconcileOnly: true)
        for _ in 0..<rounds {
            XCTAssertEqual(fixture.rechargesPerCard().values.filter { $0 > creditsPerCard }.count, 0, "no card paid twice")
            if outcome.summary.count(.unknown) > 0 {
                outcome = try await run(fixture, input, reconcileOnly: true)
            } else if outcome.summary.count(.failed) > 0 {
                outcome = try await run(fixture, input) { $0.retryFailed = true }
            } else {
                break
            }
        }
        return outcome
    }

    private func assertEveryCardPaidOnce(_ fixture: SandboxFixture, cards: Int, file: StaticString = #filePath, line: UInt = #line) {
        let credits = fixture.rechargesPerCard()
        for index in 1...cards {
            let card = "SB\(String(format: "%06d", index))"
            XCTAssertEqual(credits[card], 1, "\(card)", file: file, line: line)
        }
    }

    func testGatewayErrorsAfterTheCommitPayEveryCardOnce() async throws {
        let fixture = try SandboxFixture(cards: 80, faults: FaultOptions(gatewayErrorRate: 0.3, seed: 9))
        defer { fixture.stop() }
        let input = try fixture.rechargeFile(rows: 80)
        let first = try await run(fixture, input)
        XCTAssertGreaterThan(fixture.faultCount("gateway-error-after-commit"), 10)
        XCTAssertEqual(first.summary.count(.failed), 0, "a 502/504 after a commit is never taken for a refusal")
        let outcome = try await followUp(fixture, input)
        XCTAssertEqual(outcome.summary.count(.succeeded), 80, "every 502/504 after a commit is reconciled, none is resent")
        assertEveryCardPaidOnce(fixture, cards: 80)
    }

    func testAPlatformClockBehindOursInAnotherZone() async throws {
        for zone in ["+08:00", "-05:00"] {
            let fixture = try SandboxFixture(cards: 60, faults: FaultOptions(timeoutRate: 0.15, dropAfterCommitRate: 0.25, seed: 4)) {
                $0.clockOffsetSeconds = -180
                $0.utcOffset = UTCOffset(text: zone)!
            }
            defer { fixture.stop() }
            let input = try fixture.rechargeFile(rows: 60)
            let first = try await run(fixture, input)
            XCTAssertGreaterThan(fixture.faultCount("drop-after-commit"), 5)
            XCTAssertGreaterThan(fixture.faultCount("timeout"), 3)
            XCTAssertGreaterThan(first.summary.count(.failed), 3, "requests that timed out without a commit are NOT_COMMITTED")
            let record = try XCTUnwrap(PlatformClockRecord.read(path: fixture.folder.path("state/b1/clock.json")))
            let expected = Double(UTCOffset(text: zone)!.seconds - 180)
            XCTAssertLessThanOrEqual(record.offset.low, expected, zone)
            XCTAssertGreaterThanOrEqual(record.offset.high, expected, zone)
            XCTAssertLessThan(record.offset.high - record.offset.low, 30, "measured from a confirmed recharge: \(record.offset.source)")

            let again = try await followUp(fixture, input)
            XCTAssertEqual(again.summary.count(.succeeded), 60)
            assertEveryCardPaidOnce(fixture, cards: 60)
        }
    }

    func testACardWithThousandsOfTransactionsBehindALowPageCap() async throws {
        // The card's history: 200 purchases over the last day and 1,100 recharges of the last
        // 20 minutes (of other amounts), loaded from a state file so the test need not send them.
        let seeding = try SandboxFixture(cards: 1, faults: FaultOptions()) { $0.purchases = 200 }
        var state = try XCTUnwrap(seeding.sandbox.stateJSON().objectValue)
        seeding.stop()
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var history = state["transactions"]?.arrayValue ?? []
        for index in 0..<1_100 {
            history.append(
                .object(
                    JSONObject([
                        ("transactionId", .string("HIST\(index)")), ("cardID", .string("SB000001")), ("type", .string("Recharge")),
                        ("amount", .string("500.\(String(format: "%02d", index % 100))")), ("currency", .string("USD")),
                        ("status", .string("SUCCESS")), ("timeMs", .number("\(now - Int64(1_100 - index) * 1_000)")),
                        ("requestNo", .string("hist\(index)")),
                    ])))
        }
        state["transactions"] = .array(history)
        let stateFolder = try TemporaryFolder()
        defer { stateFolder.remove() }
        let stateFile = stateFolder.path("history.json")
        try JSONValue.object(state).compactText.write(toFile: stateFile, atomically: true, encoding: .utf8)

        let rows = 20
        let fixture = try SandboxFixture(cards: 1, faults: FaultOptions(timeoutRate: 0.1, dropAfterCommitRate: 0.2, seed: 11)) {
            $0.stateFile = stateFile
            $0.pageSizeCap = 50
        }
        defer { fixture.stop() }
        var text = "cardID,currency,amount,ref\n"
        for index in 1...rows { text += "SB000001,USD,1.\(String(format: "%02d", index)),r\(index)\n" }
        let input = fixture.folder.url.appendingPathComponent("one-card.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        _ = try await run(fixture, input)
        XCTAssertGreaterThan(fixture.faultCount("drop-after-commit"), 2)
        XCTAssertGreaterThan(fixture.faultCount("timeout"), 1)
        let again = try await followUp(fixture, input, creditsPerCard: 1_100 + rows)
        XCTAssertEqual(again.summary.count(.succeeded), rows, "every search completes by splitting the window under the cap")
        XCTAssertEqual(fixture.rechargesPerCard()["SB000001"], 1_100 + rows, "the history and each row once: none twice, none lost")
    }

    func testACommitLandingAfterTheSettleWindowIsFoundBeforeAnyResend() async throws {
        // Late enough that the first run and the reconcile finish before it even on a loaded machine.
        let fixture = try SandboxFixture(cards: 5, faults: FaultOptions(lateCommitRate: 1, lateCommitMs: 5_000, seed: 3))
        defer { fixture.stop() }
        let input = try fixture.rechargeFile(rows: 5)
        let first = try await run(fixture, input)
        XCTAssertEqual(first.summary.count(.unknown), 5, "no answer, and the reads are dropped too: in doubt")
        let control = try await SandboxEndpoints(port: fixture.port).control(#"{"late-commit-rate": 0}"#)
        XCTAssertEqual(control.status, 200)
        let reconciled = try await run(fixture, input, reconcileOnly: true)
        XCTAssertEqual(reconciled.summary.count(.failed), 5, "with no settle time, nothing found yet reads as NOT_COMMITTED")
        XCTAssertEqual(fixture.rechargesPerCard().count, 0)
        let deadline = Date().addingTimeInterval(20)
        while fixture.rechargesPerCard().count < 5, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertEqual(fixture.rechargesPerCard().count, 5, "the late commits have landed")
        let retried = try await run(fixture, input) { $0.retryFailed = true }
        XCTAssertEqual(retried.summary.count(.succeeded), 5, "each resend was preceded by a reconciliation that found the commit")
        assertEveryCardPaidOnce(fixture, cards: 5)
    }

    func testPlatformsThatDeduplicateOrRejectRepeatedRequestNumbers() async throws {
        for mode in [DedupeMode.replay, .reject] {
            let fixture = try SandboxFixture(cards: 60, faults: FaultOptions(failRate: 0.3, dropAfterCommitRate: 0.2, seed: 5)) {
                $0.dedupe = mode
            }
            defer { fixture.stop() }
            let input = try fixture.rechargeFile(rows: 60)
            _ = try await run(fixture, input)
            let again = try await followUp(fixture, input)
            XCTAssertEqual(again.summary.count(.succeeded), 60, "\(mode)")
            assertEveryCardPaidOnce(fixture, cards: 60)
        }
    }
}
