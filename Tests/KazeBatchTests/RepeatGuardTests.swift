// RepeatGuardTests: an edited recharge file is a new batch, and kazebatch refuses to pay again
// the rows an earlier batch of the same file paid or may have — end to end against a real
// `kazebatch sandbox` process, plus the in-doubt states read straight from a journal.

import Foundation
import KazeTestSupport
import XCTest
import KazeProtocol
@testable import KazeBatch

final class RepeatGuardTests: SandboxRunTestCase {


    private func write(_ name: String, _ rows: [String]) throws {
        try (["cardID,currency,amount,ref"] + rows).map { $0 + "\n" }.joined()
            .write(toFile: folder.path(name), atomically: true, encoding: .utf8)
    }

    private func run(_ file: String, _ extra: [String] = []) throws -> ChildResult {
        try fixture.run(file, ["--quiet"] + extra)
    }

    private func batchFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path(".kazebatch")).sorted()
    }

    /// The QA scenario: 2 rows paid, 1 invalid skipped, the bad row fixed in place.
    private func payThenFix() throws -> String {
        try write("pay.csv", ["SB000041,USD,7.01,a", "SB000042,USD,-3,b", "SB000043,USD,2.00,c"])
        let first = try run("pay.csv", ["--skip-invalid"])
        XCTAssertEqual(first.status, 1, first.stderr)
        try write("pay.csv", ["SB000041,USD,7.01,a", "SB000042,USD,3.00,b", "SB000043,USD,2.00,c"])
        return try XCTUnwrap(batchFolders().first)
    }

    func testAnEditedFileIsRefusedUntilAllowRepeat() async throws {
        try fixture.startSandbox(["--cards", "50"])
        let earlier = try payThenFix()
        let info = try XCTUnwrap(BatchInfo.read(folder: StateFolder(batchID: earlier, stateDir: folder.path(".kazebatch"), inputPath: "")))
        XCTAssertEqual(info.operation, "cardRecharge")
        XCTAssertEqual(info.input, BatchInfo.standardPath(folder.path("pay.csv")))

        let refused = try run("pay.csv")
        XCTAssertEqual(refused.status, 2, refused.stderr)
        let when = info.created.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
        XCTAssertTrue(refused.stderr.contains("pay.csv was run before as batch \(earlier.prefix(8)) (\(when)) and has changed"
            + " since; 2 of its rows (first: line 2, SB000041 USD 7.01) were already paid or may have been. A changed file"
            + " is a new batch, so running it would pay those rows again. Remove the rows that were paid, put the original"
            + " file back to resume it, or pass --allow-repeat to pay them again; nothing was sent"), refused.stderr)
        let afterRefusal = try await fixture.credits()
        XCTAssertEqual(afterRefusal, ["SB000041": 1, "SB000043": 1], "each card credited once")
        XCTAssertEqual(try batchFolders(), [earlier], "a refused run leaves no batch behind")

        let repeated = try run("pay.csv", ["--allow-repeat"])
        XCTAssertEqual(repeated.status, 0, repeated.stderr)
        let afterRepeat = try await fixture.credits()
        XCTAssertEqual(afterRepeat, ["SB000041": 2, "SB000042": 1, "SB000043": 2], "the guard was what stopped it")
    }

    func testAnIdenticalCopyUnderAnotherNameIsRefusedNotSilentlyResumed() async throws {
        try fixture.startSandbox(["--cards", "50"])
        try write("night-1.csv", ["SB000044,USD,5.00,a"])
        XCTAssertEqual(try run("night-1.csv").status, 0)
        try FileManager.default.copyItem(atPath: folder.path("night-1.csv"), toPath: folder.path("night-2.csv"))
        let copy = try run("night-2.csv")
        XCTAssertEqual(copy.status, 2, copy.stderr)
        XCTAssertTrue(copy.stderr.contains("night-2.csv has the same contents as \(BatchInfo.standardPath(folder.path("night-1.csv")))"
            + ", which ran as batch "), copy.stderr)
        XCTAssertTrue(copy.stderr.contains("identical files are one batch, so this run would resume that batch and send"
            + " nothing it already sent."), copy.stderr)
        let resumed = try run("night-1.csv")
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let credited = try await fixture.credits()
        XCTAssertEqual(credited, ["SB000044": 1])
    }

    func testOnlyTheFixedRowIsAccepted() async throws {
        try fixture.startSandbox(["--cards", "50"])
        _ = try payThenFix()
        try write("pay.csv", ["SB000042,USD,3.00,b"])
        let fixed = try run("pay.csv")
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000041": 1, "SB000042": 1, "SB000043": 1])
    }

    func testTheSameRowsUnderAnotherNameAreNotRefused() async throws {
        try fixture.startSandbox(["--cards", "50"])
        try write("2026-11-24.csv", ["SB000001,USD,5.00,n24a", "SB000002,USD,6.00,n24b"])
        XCTAssertEqual(try run("2026-11-24.csv").status, 0)
        try write("2026-11-25.csv", ["SB000001,USD,5.00,n25a", "SB000002,USD,6.00,n25b"])  // same payments, new refs
        let nextNight = try run("2026-11-25.csv")
        XCTAssertEqual(nextNight.status, 0, nextNight.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000001": 2, "SB000002": 2])
        XCTAssertEqual(try batchFolders().count, 2)
    }

    func testResumingTheUnchangedFileSendsNothing() async throws {
        try fixture.startSandbox(["--cards", "50"])
        try write("pay.csv", ["SB000001,USD,5.00,a", "SB000002,USD,6.00,b"])
        XCTAssertEqual(try run("pay.csv").status, 0)
        let again = try run("pay.csv")
        XCTAssertEqual(again.status, 0, again.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000001": 1, "SB000002": 1])
        XCTAssertEqual(try batchFolders().count, 1)
    }

    func testRowsThatFailedEarlierDoNotBlockTheEditedFile() async throws {
        try fixture.startSandbox(["--cards", "10", "--merchant-balance", "20.00"])
        try write("pay.csv", ["SB000099,USD,1.00,a", "SB000002,USD,50.00,b", "SB000003,USD,-1,c"])
        let first = try run("pay.csv", ["--skip-invalid"])
        XCTAssertEqual(first.status, 1, first.stderr)
        let none = try await fixture.credits()
        XCTAssertEqual(none, [:], "both sent rows failed")
        try write("pay.csv", ["SB000099,USD,1.00,a", "SB000002,USD,50.00,b", "SB000003,USD,1.00,c"])
        let edited = try run("pay.csv")
        XCTAssertEqual(edited.status, 1, edited.stderr)
        XCTAssertFalse(edited.stderr.contains("was run before"), edited.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000003": 1])
    }

    func testABatchFolderWithoutBatchJSONIsIgnored() async throws {
        try fixture.startSandbox(["--cards", "50"])
        let earlier = try payThenFix()
        try FileManager.default.removeItem(atPath: folder.path(".kazebatch/\(earlier)/batch.json"))
        let edited = try run("pay.csv")
        XCTAssertEqual(edited.status, 0, edited.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000041": 2, "SB000042": 1, "SB000043": 2])
    }

    func testInDoubtRowsCountAsPaidAndPendingOrFailedOnesDoNot() async throws {
        let root = folder.path("state")
        let input = folder.path("pay.csv")
        let earlier = StateFolder(batchID: "aaaa", stateDir: root, inputPath: input)
        try earlier.create()
        try BatchInfo(operation: .recharge, inputPath: input).recordIfMissing(in: earlier)
        let journal = try Journal(path: earlier.journalPath)
        for (line, state) in [(2, JournalState.sent), (3, .unknown), (4, .failed), (5, .pending), (6, .succeeded)] {
            var pending = JournalEntry(line: line, state: .pending, time: "2026-11-25T13:00:00Z", attempt: 0)
            (pending.cardID, pending.amount, pending.currency) = ("SB00000\(line)", "1.5", "USD")
            _ = try await journal.append(pending)
            if state != .pending { _ = try await journal.append(JournalEntry(line: line, state: state, time: "2026-11-25T13:00:01Z", attempt: 1)) }
        }
        let other = StateFolder(batchID: "bbbb", stateDir: root, inputPath: input)
        try other.create()
        try BatchInfo(operation: .setStatus, inputPath: input).recordIfMissing(in: other)

        let new = StateFolder(batchID: "cccc", stateDir: root, inputPath: input)
        let payments = try EarlierPayments.load(besides: new, operation: .recharge, inputPath: input)
        XCTAssertEqual(payments.count, 3)
        XCTAssertEqual(payments.batches.map(\.id), ["aaaa"])
        for line in [2, 3, 6] {
            XCTAssertNotNil(payments.batch(paying: try XCTUnwrap(DuplicateRule.recharge(cardID: "SB00000\(line)", amount: "1.50", currency: nil))))
        }
        XCTAssertNil(payments.batch(paying: try XCTUnwrap(DuplicateRule.recharge(cardID: "SB000004", amount: "1.50", currency: "USD"))))
        XCTAssertNil(payments.batch(paying: try XCTUnwrap(DuplicateRule.recharge(cardID: "SB000002", amount: "1.50", currency: "EUR"))))
        XCTAssertEqual(try EarlierPayments.load(besides: new, operation: .setStatus, inputPath: input).count, 0)
        XCTAssertEqual(try EarlierPayments.load(besides: new, operation: .recharge, inputPath: folder.path("other.csv")).count, 0)
    }
}
