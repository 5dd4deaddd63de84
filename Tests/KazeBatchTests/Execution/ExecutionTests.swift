// Tests for the executor against a fake platform: exactly-once crediting through retries
// and lost answers, reconciliation, resume, halting and the results file.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ExecutionTests: XCTestCase {
    private func cards(_ count: Int) -> [(String, String)] { (1...count).map { ("SB\($0)", "10.50") } }

    func testEveryRowSucceedsOnceAndResultsFollowInputOrder() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let outcome = try await harness.run(.recharges(cards(40)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 40)
        XCTAssertEqual(outcome.summary.verdict, .succeeded)
        XCTAssertEqual(outcome.summary.money.sum("USD", .succeeded), Decimal(string: "420"))
        for card in 1...40 { XCTAssertEqual(harness.platform.credits("SB\(card)"), 1) }
        let rows = try harness.results()
        XCTAssertEqual(rows.map { $0[0] }, (2...41).map(String.init))
        XCTAssertEqual(Set(rows.map { $0[3] }), ["SUCCEEDED"])
        XCTAssertNoThrow(
            try AuditVerifier.verify(path: harness.auditPath, expectedHeads: [.init(hash: outcome.auditHead, origin: "--head")]))

        let again = try await harness.run(.recharges(cards(40)))  // resume of a finished batch: nothing sent
        XCTAssertEqual(again.summary.count(.succeeded), 40)
        XCTAssertEqual(harness.platform.callCount(.recharge), 40)
    }

    func testTransientFailuresAreRetriedWithTheRowsOwnRequestNumber() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.rateLimited(2), .systemError, .http(429), .notSent])
        harness.platform.script("SB2", [.http(429), .systemError, .systemError, .systemError, .systemError])
        let outcome = try await harness.run(.recharges(cards(3)))
        XCTAssertEqual(harness.platform.credits("SB1"), 1)
        XCTAssertEqual(harness.platform.requestNos(.recharge, key: "SB1").count, 5)
        XCTAssertEqual(Set(harness.platform.requestNos(.recharge, key: "SB1")).count, 1, "every attempt reuses the requestNo")
        XCTAssertEqual(harness.platform.credits("SB2"), 0, "five transient failures exhaust --max-attempts 5")
        XCTAssertEqual(outcome.summary.count(.failed), 1)
        XCTAssertEqual(outcome.summary.verdict, .someFailed)
        let rows = try harness.results()
        XCTAssertEqual(rows[0][3], "SUCCEEDED")
        XCTAssertEqual(rows[0][7], "5")
        XCTAssertEqual(rows[1][3], "FAILED")
        XCTAssertEqual(rows[1][4], "SYSTEM_ERROR")
    }

    func testFinalFailuresAreNeverRetried() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.paramError])
        harness.platform.script("SB2", [.businessFailure])
        let outcome = try await harness.run(.recharges(cards(2)))
        XCTAssertEqual(outcome.summary.count(.failed), 2)
        XCTAssertEqual(harness.platform.callCount(.recharge), 2)
        XCTAssertEqual(try harness.results().map { $0[4] }, ["PARAM_ERROR", "FAILED"])
    }

    func testCommittedButUnansweredRechargesAreReconciledNotResent() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.commitThenUnknown])
        harness.platform.script("SB2", [.commitThenProtocolError])
        let outcome = try await harness.run(.recharges(cards(4)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 4)
        XCTAssertEqual(harness.platform.callCount(.recharge), 4, "nothing sent twice")
        for card in 1...4 { XCTAssertEqual(harness.platform.credits("SB\(card)"), 1) }
        let rows = try harness.results()
        XCTAssertEqual(rows[0][4], "RECONCILED")
        XCTAssertTrue(rows[0][5].contains("reconciled: transaction TX"), rows[0][5])
        XCTAssertTrue(rows[0].contains { $0.hasPrefix("TX") }, "the found transactionId is in the results")
    }

    func testUnansweredAndUncommittedStaysUnknownUntilSettledThenFails() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.options.settleSeconds = 3600
        harness.platform.script("SB1", [.unknownWithoutCommit])
        let first = try await harness.run(.recharges(cards(2)))
        XCTAssertEqual(first.summary.count(.unknown), 1)
        XCTAssertEqual(first.summary.verdict, .unknownRemain)
        XCTAssertTrue(try harness.results()[0][5].contains("run `kazebatch reconcile` after that"))

        let rerun = try await harness.run(.recharges(cards(2)))  // still in the settle window: not resent
        XCTAssertEqual(rerun.summary.count(.unknown), 1)
        XCTAssertEqual(harness.platform.callCount(.recharge), 2)

        harness.options.settleSeconds = 0
        let settled = try await harness.runner(.recharges(cards(2))).reconcile()
        XCTAssertEqual(settled.summary.count(.failed), 1)
        XCTAssertEqual(try harness.results()[0][4], "NOT_COMMITTED")
        XCTAssertEqual(harness.platform.callCount(.recharge), 2)

        harness.options.retryFailed = true
        let retried = try await harness.run(.recharges(cards(2)))
        XCTAssertEqual(retried.summary.count(.succeeded), 2)
        XCTAssertEqual(harness.platform.credits("SB1"), 1)
    }

    func testDuplicateRechargesClaimDistinctTransactions() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.commitThenUnknown, .unknownWithoutCommit, .commitThenUnknown])
        let rows = [("SB1", "5.00"), ("SB1", "5.00"), ("SB1", "5.00"), ("SB1", "5")]
        var options = harness.options
        options.concurrency = 1
        var runner = harness.runner(.recharges(rows))
        runner.options = options
        let outcome = try await runner.run(scan: try Harness.scan(ArraySource.recharges(rows)))
        XCTAssertEqual(harness.platform.credits("SB1"), 3)
        XCTAssertEqual(outcome.summary.count(.succeeded), 3, "three committed recharges, three rows matched")
        XCTAssertEqual(outcome.summary.count(.failed), 1, "three transactions for four rows: one row finds none left to claim")
        let ids = try harness.results().filter { $0[3] == "SUCCEEDED" }.compactMap { $0.first { $0.hasPrefix("TX") } }
        XCTAssertEqual(Set(ids).count, 3)
    }

    func testPinSetsThatMayHaveHappenedAreResentOnlyOnRequest() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("SB1", [.commitThenUnknown])
        let first = try await harness.run(.pinSets(["SB1", "SB2"]))
        XCTAssertEqual(first.summary.count(.unknown), 1)
        _ = try await harness.run(.pinSets(["SB1", "SB2"]))
        XCTAssertEqual(harness.platform.pinSets["SB1"], 1, "never resent blindly")
        harness.options.resendUnknown = true
        let resent = try await harness.run(.pinSets(["SB1", "SB2"]))
        XCTAssertEqual(resent.summary.count(.succeeded), 2)
        XCTAssertEqual(harness.platform.pinSets["SB1"], 2)
        XCTAssertFalse(
            try String(contentsOfFile: harness.stateFolder.journalPath, encoding: .utf8).contains("123456"),
            "the PIN never reaches the journal")
        XCTAssertFalse(try String(contentsOfFile: harness.auditPath, encoding: .utf8).contains("123456"))
    }

    func testACrashMidFlightIsReconciledOnResume() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        try harness.stateFolder.create()
        let journal = try Journal(path: harness.stateFolder.journalPath)
        for (line, card) in [(2, "SB1"), (3, "SB2")] {
            var pending = JournalEntry(line: line, state: .pending, time: Timestamp.text(), attempt: 0)
            (pending.cardID, pending.amount, pending.currency) = (card, "10.50", "USD")
            try await journal.append(pending)
            try await journal.append(JournalEntry(line: line, state: .sent, time: Timestamp.text(), attempt: 1, requestNo: "OLD\(line)"))
        }
        _ = await harness.platform.call(
            .recharge,
            body: JSONObject([
                ("cardID", .string("SB1")), ("currency", .string("USD")),
                ("amount", .number("10.50")),
            ]), requestNo: "OLD2")
        let outcome = try await harness.run(.recharges(cards(3)))
        XCTAssertEqual(harness.platform.credits("SB1"), 1, "the in-flight request had landed: not resent")
        XCTAssertEqual(harness.platform.credits("SB2"), 0, "not landed: FAILED NOT_COMMITTED, resent only with --retry-failed")
        XCTAssertEqual(harness.platform.credits("SB3"), 1)
        XCTAssertEqual(try harness.results().map { $0[3] }, ["SUCCEEDED", "FAILED", "SUCCEEDED"])
        XCTAssertEqual(outcome.summary.count(.failed), 1)
    }

    func testATornJournalLineIsIgnoredOnResume() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        _ = try await harness.run(.recharges(cards(5)))
        try appendTornTail("{\"line\":4,\"state\":\"SEN", to: harness.stateFolder.journalPath)
        let resumed = try await harness.run(.recharges(cards(5)))
        XCTAssertTrue(resumed.tornJournalLine)
        XCTAssertEqual(resumed.summary.count(.succeeded), 5)
        XCTAssertEqual(harness.platform.callCount(.recharge), 5, "nothing sent again")
        XCTAssertFalse(try harness.journal().hadTornLine, "the torn tail was cut before appending")
    }

    func testMaxFailuresHaltsAndLeavesTheRestSkipped() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.options.maxFailures = 3
        harness.options.concurrency = 1
        for card in 1...10 { harness.platform.script("SB\(card)", [.businessFailure]) }
        let outcome = try await harness.run(.recharges(cards(10)))
        XCTAssertEqual(outcome.summary.verdict, .halted)
        XCTAssertEqual(outcome.summary.count(.failed), 3)
        XCTAssertEqual(outcome.summary.count(.skipped), 7)
        XCTAssertEqual(outcome.summary.money.requested("USD"), Decimal(string: "105"))
        XCTAssertEqual(outcome.summary.money.sum("USD", .skipped), Decimal(string: "73.5"))
    }

    func testTheCircuitBreakerTripsOnAHighFailureRate() {
        var breaker = CircuitBreaker(maxFailures: nil, window: 20, ratio: 0.5)
        for index in 0..<40 { breaker.record(failed: index % 3 == 0) }
        XCTAssertNil(breaker.reason, "a third failing stays under 50%")
        for _ in 0..<11 { breaker.record(failed: false) }
        for _ in 0..<9 { breaker.record(failed: true) }
        XCTAssertNil(breaker.reason, "9 of the last 20")
        breaker.record(failed: true)
        XCTAssertEqual(breaker.reason, "10 of the last 20 rows failed")
        var capped = CircuitBreaker(maxFailures: 2, window: 20, ratio: 0.5)
        capped.record(failed: true)
        capped.record(failed: false)
        XCTAssertNil(capped.reason)
        capped.record(failed: true)
        XCTAssertEqual(capped.reason, "--max-failures 2 reached")
    }

    func testInvalidRowsAppearInResultsAndSummary() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        var records = ArraySource.recharges(cards(2)).records
        records.insert(
            .invalid(
                line: 3, ref: "bad", issues: [RecordIssue(line: 3, ref: "bad", field: "amount", code: "amount", message: "must be > 0")]),
            at: 1)
        let source = ArraySource(
            records: records.enumerated().map { offset, record in
                guard case .valid(let valid) = record else { return record }
                return .valid(ValidRecord(line: offset + 2, ref: valid.ref, operation: .recharge, body: valid.body))
            })
        let scan = try Harness.scan(source)
        XCTAssertEqual(scan.invalid, 1)
        XCTAssertEqual(scan.totalMismatch(confirmed: ["USD": Decimal(string: "21")!]), nil)
        XCTAssertEqual(scan.totalMismatch(confirmed: ["USD": Decimal(string: "21.01")!]), "USD is 21, confirmed 21.01")
        XCTAssertEqual(scan.totalMismatch(confirmed: [:]), "USD 21 is not confirmed")
        let outcome = try await harness.runner(source).run(scan: scan)
        XCTAssertEqual(outcome.summary.count(.invalid), 1)
        XCTAssertEqual(outcome.summary.verdict, .someFailed)
        XCTAssertEqual(try harness.results()[1].prefix(6), ["3", "bad", "recharge", "INVALID", "amount", "amount: must be > 0"])
    }

    func testReadOnlyUnknownsAreSimplyRetried() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let source = ArraySource(records: [
            .valid(
                ValidRecord(
                    line: 2, ref: "", operation: .balance,
                    body: JSONObject([("cardID", .string("SB1"))])))
        ])
        let outcome = try await harness.run(source)
        XCTAssertEqual(outcome.summary.count(.succeeded), 1)
        let row = try harness.results()[0]
        XCTAssertEqual(row.dropLast().last, "", "blockBalance (the column before time)")
        XCTAssertNotNil(Timestamp.date(row.last ?? ""), "time")
    }
}
