// Tests for the compact journal index: rows rebuilt from entries read back by offset agree
// with folding every entry, in-doubt rows come back complete after a crash, the results pass
// reads final entries by offset (also past a cut torn line), and claims are confirmed.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class JournalIndexTests: XCTestCase {
    private var folder: URL!
    private var path: String { folder.appendingPathComponent("journal.jsonl").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private static func entry(
        _ line: Int, _ state: JournalState, _ time: String = "2026-01-01T00:00:00.000Z",
        attempt: Int = 1, requestNo: String? = nil, code: String? = nil, detail: String? = nil
    ) -> JournalEntry {
        var entry = JournalEntry(line: line, state: state, time: time, attempt: attempt, requestNo: requestNo)
        (entry.code, entry.detail) = (code, detail)
        return entry
    }

    private static func pending(_ line: Int, card: String) -> JournalEntry {
        var entry = entry(line, .pending, attempt: 0)
        (entry.cardID, entry.amount, entry.currency, entry.ref) = (card, "10.50", "USD", "ref\(line)")
        return entry
    }

    private static func succeeded(_ line: Int, requestNo: String, transaction: String) -> JournalEntry {
        var entry = entry(line, .succeeded, requestNo: requestNo, code: "SUCCESS", detail: "")
        entry.fields = ["cardID": "SB\(line)", "transactionId": transaction, "sendAmount": "10.50"]
        return entry
    }

    /// Histories of every shape the executor writes, interleaved as concurrent rows are.
    private static let histories: [[JournalEntry]] = [
        [
            pending(2, card: "SB2"), entry(2, .sent, "2026-01-01T00:00:01.000Z", requestNo: "A1"),
            succeeded(2, requestNo: "A1", transaction: "T2"),
        ],
        [
            pending(3, card: "SB3"), entry(3, .sent, "2026-01-01T00:00:02.000Z", requestNo: "B1"),
            entry(3, .retry, requestNo: "B1", code: "RATE_LIMITED", detail: "slow down"),
            entry(3, .sent, "2026-01-01T00:00:05.000Z", attempt: 2, requestNo: "B2"),
        ],
        [
            pending(4, card: "SB4"), entry(4, .sent, "2026-01-01T00:00:03.000Z", requestNo: "C1"),
            entry(4, .failed, requestNo: "C1", code: "SYSTEM_ERROR", detail: "gave up"),
            entry(4, .failed, attempt: 1, code: "IMAGE_UNREADABLE", detail: "gone"),
        ],
        [pending(5, card: "SB5")],
        [
            pending(6, card: "SB6"), entry(6, .sent, "2026-01-01T00:00:04.000Z", requestNo: "D1"),
            entry(6, .unknown, requestNo: "D1", code: "NO_ANSWER", detail: "outcome unknown"),
            entry(6, .unknown, requestNo: "D1", code: "NO_ANSWER", detail: "still unknown"),
        ],
        [entry(7, .sent, "2026-01-01T00:00:06.000Z", requestNo: "E1")],
    ]

    /// Writes the histories round-robin through `Journal` and returns the entries in file order.
    private func writeHistories() async throws -> [JournalEntry] {
        let journal = try Journal(path: path)
        var written: [JournalEntry] = []
        for step in 0..<4 {
            for history in JournalIndexTests.histories where step < history.count {
                try await journal.append(history[step])
                written.append(history[step])
            }
        }
        return written
    }

    /// The record folding every entry of the line, as the index once kept in memory.
    private static func folded(_ entries: [JournalEntry], line: Int) -> RowRecord {
        var record = RowRecord(line: line)
        for entry in entries where entry.line == line { record.apply(entry) }
        return record
    }

    func testRecordsReadBackByOffsetEqualFoldingEveryEntry() async throws {
        let written = try await writeHistories()
        let index = try JournalIndex.load(path: path)
        XCTAssertEqual(index.rows.count, 6)
        XCTAssertEqual(index.rows.map(\.line), [2, 3, 4, 5, 6, 7])
        for line in 2...7 {
            let expected = JournalIndexTests.folded(written, line: line)
            XCTAssertEqual(try index.record(line), expected, "line \(line)")
            let final = try XCTUnwrap(try index.finalRecord(line))
            XCTAssertEqual(final.state, expected.state, "line \(line)")
            XCTAssertEqual(final.attempts, expected.attempts, "line \(line)")
            XCTAssertEqual(final.requestNo, expected.requestNo, "line \(line)")
            XCTAssertEqual(final.code, expected.code, "line \(line)")
            XCTAssertEqual(final.detail, expected.detail, "line \(line)")
            XCTAssertEqual(final.fields, expected.fields, "line \(line)")
        }
        XCTAssertEqual(try index.finalRecord(3)?.requestNo, "B2", "the latest SENT, not the RETRY's")
        XCTAssertEqual(try index.finalRecord(4)?.requestNo, "C1", "a refusal before sending keeps the earlier send's")
        XCTAssertNil(try index.record(8))
    }

    func testInDoubtRowsComeBackCompleteAfterACrash() async throws {
        _ = try await writeHistories()
        let index = try JournalIndex.load(path: path)
        let doubt = try index.inDoubtRecords()
        XCTAssertEqual(doubt.map(\.line), [3, 6, 7])
        let cutOff = doubt[0]
        XCTAssertEqual(cutOff.state, .sent)
        XCTAssertEqual(cutOff.attempts, 2)
        XCTAssertEqual(cutOff.cardID, "SB3")
        XCTAssertEqual(cutOff.amount, "10.50")
        XCTAssertEqual(cutOff.ref, "ref3")
        XCTAssertEqual(cutOff.firstSendTime, "2026-01-01T00:00:02.000Z", "the reconciliation window starts at the first send")
        XCTAssertEqual(cutOff.lastSendTime, "2026-01-01T00:00:05.000Z")
        XCTAssertEqual(doubt[1].detail, "still unknown")
        XCTAssertNil(doubt[2].cardID, "a row without PENDING has no keys, and that is no error")
    }

    func testAResumedRechargeNeverClaimsATransactionTheJournalGaveAnotherRow() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        try harness.stateFolder.create()
        let body = JSONObject([("cardID", .string("SB1")), ("currency", .string("USD")), ("amount", .number("5.00"))])
        guard case .success(let answer) = await harness.platform.call(.recharge, body: body, requestNo: "OLD2"),
            let transaction = answer.text("transactionId")
        else { return XCTFail("the fake platform did not credit") }
        let journal = try Journal(path: harness.stateFolder.journalPath)
        for line in [2, 3] {
            var pending = JournalEntry(line: line, state: .pending, time: Timestamp.text(), attempt: 0)
            (pending.cardID, pending.amount, pending.currency) = ("SB1", "5.00", "USD")
            try await journal.append(pending)
            try await journal.append(JournalEntry(line: line, state: .sent, time: Timestamp.text(), attempt: 1, requestNo: "OLD\(line)"))
        }
        var owned = JournalEntry(line: 2, state: .succeeded, time: Timestamp.text(), attempt: 1, requestNo: "OLD2")
        (owned.code, owned.detail, owned.fields) = ("SUCCESS", "", ["transactionId": transaction])
        try await journal.append(owned)

        let outcome = try await harness.run(.recharges([("SB1", "5.00"), ("SB1", "5.00")]))
        XCTAssertEqual(harness.platform.credits("SB1"), 1)
        XCTAssertEqual(harness.platform.callCount(.recharge), 1, "nothing sent on resume")
        let rows = try harness.results()
        XCTAssertEqual(rows.map { $0[3] }, ["SUCCEEDED", "FAILED"], "row 3 may not take row 2's transaction")
        XCTAssertEqual(rows[1][4], "NOT_COMMITTED")
        XCTAssertTrue(rows[0].contains(transaction), "row 2's fields are read back from the journal")
        XCTAssertEqual(outcome.summary.count(.failed), 1)
    }

    func testClaimsAreConfirmedFromTheJournalSoATagCollisionHidesNothing() async throws {
        let journal = try Journal(path: path)
        try await journal.append(JournalIndexTests.pending(2, card: "SB2"))
        let owned = try await journal.append(JournalIndexTests.succeeded(2, requestNo: "A1", transaction: "TX-OWNED"))
        var index = try JournalIndex.load(path: path)
        XCTAssertEqual(index.claimedTransactionIds.count, 1)
        XCTAssertTrue(try index.claimedTransactionIds.contains("TX-OWNED"))
        XCTAssertFalse(try index.claimedTransactionIds.contains("TX-OTHER"))
        // A row whose tag equals TX-COLLIDING's but whose entry owns TX-OWNED: the tag alone
        // would wrongly hide TX-COLLIDING from reconciliation; reading the entry back does not.
        index.table.apply(line: 3, .succeeded, at: owned, claim: TransactionClaims.tag("TX-COLLIDING"))
        XCTAssertEqual(index.claimedTransactionIds.count, 2)
        XCTAssertFalse(try index.claimedTransactionIds.contains("TX-COLLIDING"))
        XCTAssertTrue(try index.claimedTransactionIds.contains("TX-OWNED"))
    }

    func testTwentyThousandClaimsAreEachFoundByTheirOwnRowAndNoOtherIdIs() throws {
        let rows = 20_000
        var text = Data()
        for line in 2...(rows + 1) {
            text.append(contentsOf: JournalIndexTests.succeeded(line, requestNo: "R\(line)", transaction: "TX\(line)").jsonLine)
            text.append(0x0A)
        }
        try text.write(to: URL(fileURLWithPath: path))
        let claims = try JournalIndex.load(path: path).claimedTransactionIds
        XCTAssertEqual(claims.count, rows)
        var found = 0
        for line in 2...(rows + 1) where try claims.contains("TX\(line)") { found += 1 }
        XCTAssertEqual(found, rows, "every claimed transaction is found (one lookup each, not a scan of the rows)")
        XCTAssertFalse(try claims.contains("TX\(rows + 2)"))
        XCTAssertFalse(try claims.contains("TX1"))
    }

    func testOffsetsStayRightPastACutTornLine() async throws {
        let first = try Journal(path: path)
        try await first.append(JournalIndexTests.pending(2, card: "SB2"))
        try await first.append(JournalIndexTests.entry(2, .sent, requestNo: "A1"))
        let sizeBeforeTear = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try appendTornTail("{\"line\":2,\"state\":\"SUCC", to: path)

        var index = try JournalIndex.load(path: path)
        XCTAssertTrue(index.hadTornLine)
        XCTAssertEqual(index.summary(2)?.state, .sent)
        let resumed = try Journal(path: path)  // cuts the torn tail
        let entry = JournalIndexTests.succeeded(2, requestNo: "A1", transaction: "T9")
        let offset = try await resumed.append(entry)
        XCTAssertEqual(offset, UInt64(sizeBeforeTear), "the new entry starts where the torn line did")
        try index.apply(entry, at: offset)
        XCTAssertEqual(try index.finalRecord(2)?.fields["transactionId"], "T9")
        XCTAssertEqual(try index.finalRecord(2)?.requestNo, "A1")
        XCTAssertEqual(try JournalIndex.load(path: path).finalRecord(2)?.fields["transactionId"], "T9")
    }

    func testTheResultsRowComesFromTheFinalEntry() async throws {
        _ = try await writeHistories()
        let index = try JournalIndex.load(path: path)
        let record = ValidationResult.valid(ValidRecord(line: 2, ref: "ref2", operation: .recharge, body: JSONObject([])))
        let row = try ResultsPass.result(for: record, index: index)
        XCTAssertEqual(
            row,
            ResultRow(
                line: 2, ref: "ref2", outcome: .succeeded, code: "SUCCESS", detail: "", requestNo: "A1",
                attempts: 1, fields: ["cardID": "SB2", "transactionId": "T2", "sendAmount": "10.50"],
                time: "2026-01-01T00:00:00.000Z"))
        let inFlight = try ResultsPass.result(
            for: .valid(ValidRecord(line: 3, ref: "", operation: .recharge, body: JSONObject([]))), index: index)
        XCTAssertEqual(inFlight.outcome, .unknown)
        XCTAssertEqual(inFlight.requestNo, "B2")
        XCTAssertEqual(inFlight.attempts, 2)
        XCTAssertEqual(inFlight.time, "2026-01-01T00:00:05.000Z", "the latest event: the SENT after the RATE_LIMITED")
    }

    func testLinesOutsideTheIndexAreDamageNotACrash() throws {
        try Data("{\"attempt\":0,\"line\":0,\"state\":\"PENDING\",\"time\":\"t\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try JournalIndex.load(path: path)) {
            XCTAssertEqual($0 as? JournalError, .corrupt(path: path, line: 1))
        }
    }

    func testASlotPacksEveryOffsetAndCountWithoutLoss() {
        var slot = RowSlot()
        XCTAssertFalse(slot.isJournaled)
        let far = RowSlot.offsetLimit - 1
        slot.apply(.pending, at: 7, claim: nil)
        slot.apply(.sent, at: 100, claim: nil)
        slot.apply(.sent, at: far, claim: nil)
        slot.apply(.succeeded, at: far - 1, claim: 0xFFFF_FFFF_FFFF)
        XCTAssertEqual(MemoryLayout<RowSlot>.stride, 32)
        XCTAssertEqual([slot.pendingOffset, slot.firstSentOffset, slot.lastSentOffset, slot.outcomeOffset], [7, 100, far, far - 1])
        XCTAssertEqual(slot.state, .succeeded)
        XCTAssertEqual(slot.attempts, 2)
        XCTAssertEqual(slot.claimTag, 0xFFFF_FFFF_FFFF)
        for _ in 0..<3 { slot.apply(.sent, at: 5, claim: nil) }
        XCTAssertEqual(slot.attempts, 5)
        XCTAssertEqual(slot.firstSentOffset, 100)
        XCTAssertEqual(slot.claimTag, 0xFFFF_FFFF_FFFF, "later entries keep the claim")
    }
}
