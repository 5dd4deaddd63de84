// RepeatGuardTests: an edited file is a new batch, and kazebatch refuses to do again the rows
// another batch of the same file did or started — while that batch runs, when the edited copy
// runs after it, when the original is resumed after the edited copy, through a symlinked folder,
// and whatever the endpoint's spelling — end to end against a real `kazebatch sandbox` process.
// The guard's rules themselves are tested in-process in BatchPreflightTests.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class RepeatGuardTests: SandboxProcessTestCase {

    private func write(_ name: String, _ rows: [String]) throws {
        try (["cardID,currency,amount,ref"] + rows).map { $0 + "\n" }.joined()
            .write(toFile: folder.path(name), atomically: true, encoding: .utf8)
    }

    private func run(_ file: String, _ extra: [String] = [], operation: String = "recharge") throws -> ChildResult {
        try fixture.run(file, ["--quiet"] + extra, operation: operation)
    }

    private func batchFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path(".kazebatch")).filter { $0 != AuditHeadRecord.folderName }.sorted()
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
        XCTAssertEqual(info.input, ResolvedPath.of(folder.path("pay.csv")))

        let refused = try run("pay.csv")
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains(
                "pay.csv was run before as batch \(earlier.prefix(8)) (\(info.createdMinute)) and has"
                    + " changed since; 2 of its rows (first: line 2, SB000041 USD 7.01) were done, may have been, or may still be by"
                    + " that batch (SUCCEEDED, in doubt or started). A changed file is a new batch, so running it would do those rows"
                    + " twice. Remove those rows from the file (batch \(earlier.prefix(8))'s results show what it did), or, only if"
                    + " those rows must really be done again, pass --allow-repeat (it sends those rows a second time); nothing was sent"),
            refused.stderr)
        XCTAssertFalse(refused.stderr.contains("resume"), "never advise resuming: the original may repeat what this one does")
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
        XCTAssertTrue(
            copy.stderr.contains(
                "night-2.csv has the same contents as \(ResolvedPath.of(folder.path("night-1.csv")))"
                    + ", which ran as batch "), copy.stderr)
        XCTAssertTrue(
            copy.stderr.contains(
                "identical files are one batch, so this run would resume that batch and send"
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

    func testAnEditedCopyIsRefusedWhileTheOriginalRuns() async throws {
        try fixture.startSandbox(["--cards", "50"])
        // The original has just started: its folder, batch.json and lock, nothing journaled yet.
        let original = StateFolder(batchID: "0riginal", stateDir: folder.path(".kazebatch"), inputPath: folder.path("pay.csv"))
        try original.create()
        try BatchInfo(operation: .recharge, inputPath: folder.path("pay.csv")).recordIfMissing(in: original)
        let running = try BatchLock(path: original.lockPath)
        try write("pay.csv", ["SB000041,USD,7.01,a", "SB000042,USD,3.00,b"])
        let edited = try run("pay.csv")
        XCTAssertEqual(edited.status, 6, edited.stderr)
        XCTAssertTrue(edited.stderr.contains("batch 0riginal of the same file \(ResolvedPath.of(folder.path("pay.csv")))"), edited.stderr)
        XCTAssertTrue(edited.stderr.contains("is running now (pid \(getpid()))"), edited.stderr)
        let whileRunning = try await fixture.credits()
        XCTAssertEqual(whileRunning, [:], "nothing sent")
        XCTAssertEqual(try batchFolders(), ["0riginal"])
        running.release()
        XCTAssertEqual(try run("pay.csv").status, 0, "once it is done (it did nothing), the edited file runs")
    }

    func testTheOriginalResumedAfterTheEditedCopyPaidIsRefused() async throws {
        try fixture.startSandbox(["--cards", "50"])
        // The original halts after its first row fails, before rows 3 and 4 are started.
        try write("pay.csv", ["SB999999,USD,1.00,bad", "SB000011,USD,4.00,a", "SB000012,USD,5.00,b"])
        let original = folder.path("pay.csv")
        let halted = try run("pay.csv", ["--max-failures", "1", "--concurrency", "1"])
        XCTAssertEqual(halted.status, 4, halted.stderr)
        let originalBytes = try Data(contentsOf: URL(fileURLWithPath: original))
        // The operator drops the bad row and runs the edited file: a new batch that pays both rows.
        try write("pay.csv", ["SB000011,USD,4.00,a", "SB000012,USD,5.00,b"])
        XCTAssertEqual(try run("pay.csv").status, 0)
        // Putting the original back and running it resumes the halted batch: it must not pay them again.
        try originalBytes.write(to: URL(fileURLWithPath: original))
        let resumed = try run("pay.csv")
        XCTAssertEqual(resumed.status, 2, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("pay.csv is an unfinished batch, and batch "), resumed.stderr)
        XCTAssertTrue(
            resumed.stderr.contains(
                "has since done or started 2 of its rows (first: line 3, SB000011 USD 4.00);"
                    + " resuming would do those rows twice."), resumed.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000011": 1, "SB000012": 1], "each row paid once")
    }

    func testTheSameFileThroughASymlinkedFolderIsOneBatchAndGuarded() async throws {
        try fixture.startSandbox(["--cards", "50"])
        try FileManager.default.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("real"))
        try write("real/pay.csv", ["SB000021,USD,3.00,a", "SB000022,USD,4.00,b"])
        XCTAssertEqual(try run("link/pay.csv").status, 0)
        let again = try run("real/pay.csv")
        XCTAssertEqual(again.status, 0, "the same file by another path resumes its batch: \(again.stderr)")
        try write("real/pay.csv", ["SB000021,USD,3.00,a", "SB000022,USD,4.00,b", "SB000023,USD,5.00,c"])
        let edited = try run("link/pay.csv")
        XCTAssertEqual(edited.status, 2, edited.stderr)
        XCTAssertTrue(edited.stderr.contains("2 of its rows (first: line 2, SB000021 USD 3.00)"), edited.stderr)
        let paid = try await fixture.credits()
        XCTAssertEqual(paid, ["SB000021": 1, "SB000022": 1])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path("real/.kazebatch")).filter { $0 != AuditHeadRecord.folderName }
                .count, 1)
    }

    func testASetPinFileRunThroughTwoSpellingsOfTheEndpointIsSentOnce() throws {
        try fixture.startSandbox(["--cards", "5"])
        let port = try XCTUnwrap(fixture.sandbox).port
        try "cardID,pin,ref\nSB000001,482913,p1\n".write(toFile: folder.path("pins.csv"), atomically: true, encoding: .utf8)
        for endpoint in ["http://localhost:\(port)", "http://127.0.0.1:\(port)/"] {
            let result = try run("pins.csv", ["--endpoint", endpoint], operation: "set-pin")
            XCTAssertEqual(result.status, 0, "\(endpoint): \(result.stderr)")
        }
        let batches = try batchFolders()
        XCTAssertEqual(batches.count, 1, "one batch whatever the spelling")
        let journal = try JournalIndex.load(path: folder.path(".kazebatch/\(batches[0])/journal.jsonl"))
        XCTAssertEqual(journal.summary(2)?.attempts, 1, "the PIN was sent once")
    }

    func testAFixedAndRerunKYCFileDoesNotResubmitApplications() async throws {
        try fixture.startSandbox(["--cards", "5"])
        try FileManager.default.copyItem(atPath: PackageFolder.sample("images").path, toPath: folder.path("images"))
        let rows = try String(contentsOf: PackageFolder.sample("kyc.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let broken = rows[2].replacingOccurrences(of: "bob.tan@example.com", with: "bob.tan@")
        try ([rows[0], rows[1], broken].joined(separator: "\n") + "\n").write(
            toFile: folder.path("kyc.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run("kyc.csv", ["--skip-invalid"], operation: "kyc").status, 1)
        let first = try batchFolders()
        try ([rows[0], rows[1], rows[2]].joined(separator: "\n") + "\n").write(
            toFile: folder.path("kyc.csv"), atomically: true, encoding: .utf8)
        let rerun = try run("kyc.csv", operation: "kyc")
        XCTAssertEqual(rerun.status, 2, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("1 of its rows (line 2, ann.lee@example.com) was done"), rerun.stderr)
        XCTAssertEqual(try batchFolders(), first, "nothing was submitted again")
        try ([rows[0], rows[2]].joined(separator: "\n") + "\n").write(toFile: folder.path("kyc.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run("kyc.csv", operation: "kyc").status, 0)
        let second = try XCTUnwrap(batchFolders().first { !first.contains($0) })
        let sent = try JournalIndex.load(path: folder.path(".kazebatch/\(second)/journal.jsonl")).rows.map(\.line)
        XCTAssertEqual(sent, [2], "only the fixed application was submitted")
        let users = try await XCTUnwrap(fixture.sandbox).state().objectValue?["users"]?.arrayValue ?? []
        XCTAssertEqual(
            users.compactMap { $0.objectValue?.text("email") }.filter { $0.hasSuffix("@example.com") },
            ["ann.lee@example.com", "bob.tan@example.com"])
    }
}
