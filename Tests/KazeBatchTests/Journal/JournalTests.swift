// Tests for the journal: durable appends, reading back, torn last lines, damage, the lock.

import KazeTestSupport
import XCTest

@testable import KazeBatch

final class JournalTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try temporaryFolder("journal").url }

    private static func entry(_ line: Int, _ state: JournalState, attempt: Int = 1, requestNo: String? = nil) -> JournalEntry {
        JournalEntry(line: line, state: state, time: "2026-01-01T00:00:00.000Z", attempt: attempt, requestNo: requestNo)
    }

    func testConcurrentAppendsAllLandAndFoldIntoRows() async throws {
        let path = folder.appendingPathComponent("journal.jsonl").path
        let journal = try Journal(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for line in 2...101 {
                group.addTask {
                    var pending = JournalTests.entry(line, .pending, attempt: 0)
                    pending.cardID = "SB\(line)"
                    pending.amount = "10.50"
                    pending.currency = "USD"
                    try await journal.append(pending)
                    try await journal.append(JournalTests.entry(line, .sent, requestNo: "R\(line)"))
                    var done = JournalTests.entry(line, .succeeded, requestNo: "R\(line)")
                    done.fields = ["transactionId": "T\(line)"]
                    try await journal.append(done)
                }
            }
            try await group.waitForAll()
        }
        let index = try JournalIndex.load(path: path)
        XCTAssertEqual(index.rows.count, 100)
        let row = try XCTUnwrap(index.row(57))
        XCTAssertEqual(row.state, .succeeded)
        XCTAssertEqual(row.attempts, 1)
        XCTAssertEqual(row.requestNo, "R57")
        XCTAssertEqual(row.amount, "10.50")
        XCTAssertEqual(index.claimedTransactionIds.count, 100)
    }

    func testTornLastLineIsIgnoredAndCutBeforeNewAppends() async throws {
        let path = folder.appendingPathComponent("journal.jsonl").path
        try await Journal(path: path).append(JournalTests.entry(2, .sent, requestNo: "A"))
        try appendTornTail("{\"line\":3,\"state\":\"SUC", to: path)

        let torn = try JournalIndex.load(path: path)
        XCTAssertTrue(torn.hadTornLine)
        XCTAssertEqual(torn.row(2)?.state, .sent)
        XCTAssertTrue(torn.row(2)?.isInDoubt ?? false, "a SENT without outcome is in doubt")
        XCTAssertNil(torn.row(3))

        try await Journal(path: path).append(JournalTests.entry(2, .unknown, requestNo: "A"))
        let healed = try JournalIndex.load(path: path)
        XCTAssertFalse(healed.hadTornLine)
        XCTAssertEqual(healed.row(2)?.state, .unknown)
    }

    func testDamageBeforeTheLastLineIsAnError() async throws {
        let path = folder.appendingPathComponent("journal.jsonl").path
        try Data("{\"garbage\"\n".utf8).write(to: URL(fileURLWithPath: path))
        try await Journal(path: path).append(JournalTests.entry(2, .sent))
        XCTAssertThrowsError(try JournalIndex.load(path: path)) {
            XCTAssertEqual($0 as? JournalError, .corrupt(path: path, line: 1))
        }
    }

    func testTheLockExcludesASecondHolderUntilReleased() throws {
        let path = folder.appendingPathComponent("lock").path
        let first = try BatchLock(path: path)
        XCTAssertThrowsError(try BatchLock(path: path)) {
            guard case .locked(_, let holder) = $0 as? JournalError else { return XCTFail("\($0)") }
            XCTAssertEqual(holder, "pid \(getpid())")
        }
        first.release()
        XCTAssertNoThrow(try BatchLock(path: path))
    }

    func testStateFolderDefaultsBesideTheInput() {
        let folder = StateFolder(batchID: "abc", stateDir: nil, inputPath: "/data/in/recharges.csv")
        XCTAssertEqual(folder.journalPath, "/data/in/.kazebatch/abc/journal.jsonl")
        XCTAssertEqual(StateFolder(batchID: "abc", stateDir: "/s", inputPath: "x.csv").lockPath, "/s/abc/lock")
    }
}
