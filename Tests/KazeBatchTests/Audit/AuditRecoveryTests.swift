// Tests for the journal as the audit file's source of truth: audit rows are written in the
// journal's group commit in journal order, an interrupted audit row is cut, and the events
// the audit file misses are appended from the journal, marked recovered, exactly once.

import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class AuditRecoveryTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var journalPath: String { folder.path("journal.jsonl") }
    private var auditPath: String { folder.path("audit.csv") }

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private static func entry(_ line: Int, _ state: JournalState, second: Int, code: String? = nil) -> JournalEntry {
        var entry = JournalEntry(
            line: line, state: state, time: String(format: "2026-01-01T00:00:%02d.000Z", second),
            attempt: state == .pending ? 0 : 1, requestNo: state == .pending ? nil : "R\(line)")
        entry.code = code
        if state == .pending { (entry.cardID, entry.amount, entry.currency, entry.ref) = ("SB\(line)", "\(line).50", "USD", "ref\(line)") }
        return entry
    }

    private static func event(_ entry: JournalEntry, batch: String = "b1") -> AuditRow? {
        guard entry.state != .pending else { return nil }
        return AuditRow(
            entry, batch: batch, operation: .recharge, ref: "ref\(entry.line)", card: "SB\(entry.line)",
            amount: "\(entry.line).50", currency: "USD", email: nil, target: nil)
    }

    /// Appends each row's PENDING, SENT and SUCCEEDED through `journal`, the rows concurrently.
    private static func runRows(_ lines: ClosedRange<Int>, through journal: Journal, batch: String = "b1") async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for line in lines {
                group.addTask {
                    for (second, state) in [(0, JournalState.pending), (1, .sent), (2, .succeeded)] {
                        let entry = entry(line, state, second: second, code: state == .succeeded ? "SUCCESS" : nil)
                        try await journal.append(entry, audit: event(entry, batch: batch))
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func testConcurrentRowsReachTheAuditInJournalOrder() async throws {
        let audit = try AuditLog(path: auditPath)
        try await Self.runRows(2...61, through: try Journal(path: journalPath, audit: audit))
        let journal = try BatchEvents.journal(journalPath)
        XCTAssertEqual(journal.count, 120)
        XCTAssertEqual(try BatchEvents.audit(auditPath, batch: "b1").events, journal)
        XCTAssertEqual(try AuditVerifier.verify(path: auditPath).rows, 120)
        XCTAssertEqual(
            try AuditLog(path: auditPath).recover(
                batch: "b1", operation: .recharge,
                journal: JournalIndex.load(path: journalPath)), 0)
    }

    func testEventsMissingFromTheAuditAreAppendedMarkedRecoveredOnce() async throws {
        let audit = try AuditLog(path: auditPath)
        try await Self.runRows(2...4, through: try Journal(path: journalPath, audit: audit))
        try await Self.runRows(1...1, through: try Journal(path: folder.path("other.jsonl"), audit: audit), batch: "other")
        try await Self.runRows(5...7, through: try Journal(path: journalPath))  // the audit file never got these
        var unknown = Self.entry(8, .unknown, second: 9, code: "NO_ANSWER")
        unknown.requestNo = nil
        try await Journal(path: journalPath).append(unknown)

        let reopened = try AuditLog(path: auditPath)
        let index = try JournalIndex.load(path: journalPath)
        XCTAssertEqual(
            try reopened.recover(batch: "b1", operation: .recharge, journal: index), 3 * 2 + 1,
            "the other batch's rows are not this batch's")
        let (events, recovered) = try BatchEvents.audit(auditPath, batch: "b1")
        XCTAssertEqual(events, try BatchEvents.journal(journalPath))
        XCTAssertEqual(recovered, 7)
        let rows = try String(contentsOfFile: auditPath, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertTrue(
            rows.contains { $0.contains(",2026-01-01T00:00:01.000Z,b1,5,ref5,cardRecharge,R5,SENT,RECOVERED,5.50,USD,SB5,") },
            "original time, ref, card, amount and currency from the PENDING entry:\n\(rows.joined(separator: "\n"))")
        XCTAssertTrue(rows.contains { $0.contains(",b1,6,ref6,cardRecharge,R6,SUCCEEDED,RECOVERED:SUCCESS,6.50,USD,SB6,") })
        XCTAssertTrue(
            rows.contains { $0.contains(",b1,8,,cardRecharge,,UNKNOWN,RECOVERED:NO_ANSWER,,,,") },
            "a row without a PENDING entry has no ref or keys to show")
        XCTAssertEqual(try AuditVerifier.verify(path: auditPath).rows, 8 + 7)
        XCTAssertEqual(
            try AuditLog(path: auditPath).recover(batch: "b1", operation: .recharge, journal: index), 0,
            "a second open recovers nothing")
    }

    func testTheJournalIsReadAgainOnlyWhenItGrewOrTheAuditLacksEvents() async throws {
        let audit = try AuditLog(path: auditPath)
        try await Self.runRows(2...4, through: try Journal(path: journalPath, audit: audit))
        let index = try JournalIndex.load(path: journalPath)
        XCTAssertEqual(index.loadedEvents, 3 * 2, "SENT and SUCCEEDED of each row; PENDING is no event")
        XCTAssertEqual(try AuditLog(path: auditPath).recover(batch: "b1", operation: .recharge, journal: index), 0)
        try await Self.runRows(5...5, through: try Journal(path: journalPath))  // after the load, without the audit file
        XCTAssertEqual(
            try AuditLog(path: auditPath).recover(batch: "b1", operation: .recharge, journal: index), 2,
            "entries written since the index was loaded are still found")
        XCTAssertEqual(try BatchEvents.audit(auditPath, batch: "b1").events, try BatchEvents.journal(journalPath))
    }

    func testAnInterruptedAuditRowIsCutAndTheChainContinues() throws {
        let log = try AuditLog(path: auditPath)
        let row = try XCTUnwrap(Self.event(Self.entry(2, .sent, second: 1)))
        try log.record([row, row])
        try appendTornTail("3,2026-01-01T00:00:02.000Z,b1,2,ref2,cardRe", to: auditPath)
        XCTAssertThrowsError(try AuditVerifier.verify(path: auditPath))
        let reopened = try AuditLog(path: auditPath)
        XCTAssertEqual(reopened.head.seq, 2)
        try reopened.record(row)
        XCTAssertEqual(try AuditVerifier.verify(path: auditPath).rows, 3)
    }

    func testAFailedAuditWriteIsTakenBackTheJournalGoesOnAndTheNextOpenRecoversTheRest() async throws {
        let audit = try AuditLog(path: auditPath)
        try await Self.runRows(1...40, through: try Journal(path: folder.path("other.jsonl"), audit: audit), batch: "other")
        let journal = try Journal(path: journalPath, audit: audit)
        try await Self.runRows(2...2, through: journal)
        let auditSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: auditPath)[.size] as? Int)
        // A file-size limit just past the audit file's end: its next row is cut off half-way
        // (EFBIG), while the journal, much smaller, is still written.
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        defer { signal(SIGXFSZ, previousHandler) }
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        var tight = saved
        tight.rlim_cur = rlim_t(auditSize + 60)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &tight), 0)
        do {
            defer { setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved) }
            try await Self.runRows(3...4, through: journal)
        }
        guard case .io(let path, _)? = journal.auditFailure else { return XCTFail("the audit write should have failed") }
        XCTAssertEqual(path, auditPath)
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: auditPath)[.size] as? Int, auditSize,
            "the half-written row was taken back")
        try await Self.runRows(5...5, through: journal)
        XCTAssertEqual(try BatchEvents.audit(auditPath, batch: "b1").events.count, 2, "no row after the gap")
        XCTAssertEqual(try BatchEvents.journal(journalPath).count, 8, "the journal went on")

        let recovered = try AuditLog(path: auditPath).recover(
            batch: "b1", operation: .recharge,
            journal: JournalIndex.load(path: journalPath))
        XCTAssertEqual(recovered, 6)
        XCTAssertEqual(try BatchEvents.audit(auditPath, batch: "b1").events, try BatchEvents.journal(journalPath))
        XCTAssertEqual(try AuditVerifier.verify(path: auditPath).rows, 80 + 8)
    }

    func testAnAuditFileGivenAnotherPathGetsTheBatchHistoryRecoveredWithMaskedCardNumbers() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let assign = ArraySource(
            records: [2, 3].map { line in
                .valid(
                    ValidRecord(
                        line: line, ref: "a\(line)", operation: .assign,
                        body: JSONObject([
                            ("email", .string("u\(line)@example.com")), ("cardNumber", .string("539999000000001\(line == 2 ? 8 : 7)")),
                            ("autoActive", .string("true")),
                        ])))
            })
        _ = try await harness.run(assign)
        let journal = try BatchEvents.journal(harness.stateFolder.journalPath)
        XCTAssertEqual(try BatchEvents.audit(harness.auditPath, batch: harness.batchID).events, journal)
        let live = try String(contentsOfFile: harness.auditPath, encoding: .utf8)

        let moved = harness.folder.path("moved.audit.csv")
        var runner = harness.runner(assign)
        runner.auditPath = moved
        let outcome = try await runner.run(scan: try Harness.scan(assign))
        XCTAssertEqual(harness.platform.callCount(.assign), 2, "nothing sent again")
        XCTAssertEqual(outcome.recoveredAuditRows, journal.count)
        let (events, recovered) = try BatchEvents.audit(moved, batch: harness.batchID)
        XCTAssertEqual(events, journal, "the new file holds the batch's whole history")
        XCTAssertEqual(recovered, journal.count)
        let text = try String(contentsOfFile: moved, encoding: .utf8)
        XCTAssertTrue(text.contains(",a2,ucardAssign,") && text.contains(",539999******0018,"), text)
        XCTAssertFalse(text.contains("5399990000000018"), "never a full card number")
        XCTAssertTrue(live.contains(",539999******0018,"), "the live rows carry the same masked number")
        XCTAssertEqual(try AuditVerifier.verify(path: moved).rows, journal.count)
    }
}
