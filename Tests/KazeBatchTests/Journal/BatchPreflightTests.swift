// BatchPreflightTests: the guards a run passes before it sends anything, in-process on journals
// and batch.json files written here — which rows of other batches count, for which subject of
// each state-changing operation, on a new and on a resumed batch; another batch holding its
// lock; unreadable batches; identical files; and input paths reached through symbolic links.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class BatchPreflightTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private var root: String { folder.path("state") }

    /// A batch folder `id` in the state dir, with a batch.json made at `created`.
    @discardableResult
    private func batch(
        _ id: String, _ operation: APIOperation, input: String, created: String = "2026-11-25T13:00:00.000Z",
        in stateDir: String? = nil
    ) throws -> StateFolder {
        let batch = StateFolder(batchID: id, stateDir: stateDir ?? root, inputPath: input)
        try batch.create()
        try #"{"operation":"\#(operation.apiCode)","input":"\#(input)","created":"\#(created)"}"#
            .write(toFile: batch.infoPath, atomically: true, encoding: .utf8)
        return batch
    }

    /// Journals rows of `batch`: each line's PENDING entry with `subject`, then its `state`.
    private func journal(_ batch: StateFolder, _ rows: [(line: Int, state: JournalState, subject: (inout JournalEntry) -> Void)])
        async throws
    {
        let journal = try Journal(path: batch.journalPath)
        for row in rows {
            var pending = JournalEntry(line: row.line, state: .pending, time: "2026-11-25T13:00:00.000Z", attempt: 0)
            row.subject(&pending)
            _ = try await journal.append(pending)
            if row.state != .pending {
                _ = try await journal.append(JournalEntry(line: row.line, state: row.state, time: "2026-11-25T13:00:01.000Z", attempt: 1))
            }
        }
    }

    private func recharge(_ cardID: String, _ amount: String) -> (inout JournalEntry) -> Void {
        { ($0.cardID, $0.amount, $0.currency) = (cardID, amount, "USD") }
    }

    private func preflight(_ operation: APIOperation, input: String, id: String = "new") -> BatchPreflight {
        BatchPreflight(operation: operation, folder: StateFolder(batchID: id, stateDir: root, inputPath: input), inputPath: input)
    }

    /// The repeat finding of validating `file` against `repeatGuard`.
    private func findRepeats(_ operation: APIOperation, _ file: String, against repeatGuard: RepeatGuard) throws -> RepeatFinding? {
        let validator = BatchValidator(operation: operation, file: URL(fileURLWithPath: file), format: .csv, options: ValidationOptions())
        return try validator.validate(writingErrorsTo: URL(fileURLWithPath: folder.path("errors.csv")), against: repeatGuard).repeats
    }

    func testEveryRowButAFailedOneCounts() async throws {
        let input = folder.path("pay.csv")
        let earlier = try batch("aaaa", .recharge, input: input)
        let states: [JournalState] = [.pending, .sent, .retry, .unknown, .succeeded, .failed]
        try await journal(
            earlier,
            states.enumerated().map { (line: $0.offset + 2, state: $0.element, subject: recharge("SB00000\($0.offset + 2)", "1.5")) })
        try batch("bbbb", .setStatus, input: input)

        let repeatGuard = try preflight(.recharge, input: input).check()
        XCTAssertEqual(repeatGuard.count, 5, "PENDING, SENT, RETRY, UNKNOWN and SUCCEEDED count; FAILED does not")
        XCTAssertEqual(repeatGuard.batches.map(\.id), ["aaaa"])
        _ = try folder.write("pay.csv", "cardID,currency,amount\n" + (2...7).map { "SB00000\($0),USD,1.50\n" }.joined())
        let finding = try XCTUnwrap(findRepeats(.recharge, input, against: repeatGuard))
        XCTAssertEqual(finding.matches, 5)
        XCTAssertEqual(finding.line, 2)
        XCTAssertEqual(finding.subject, "SB000002 USD 1.50")
        XCTAssertFalse(finding.resuming)
        XCTAssertEqual(try preflight(.recharge, input: folder.path("other.csv")).check().count, 0, "another input file")
    }

    func testEveryStateChangingOperationIsGuardedByItsSubject() async throws {
        let cases: [(APIOperation, String, (inout JournalEntry) -> Void, String)] = [
            (.kyc, PackageFolder.sample("kyc.csv").path, { $0.email = "Bob.Tan@Example.com" }, "bob.tan@example.com"),
            (
                .assign, try folder.write("assign.csv", "email,cardNumber,autoActive\nann@example.com,5399990000000018,true\n"),
                { $0.email = "ann@example.com" }, "ann@example.com"
            ),
            (
                .activate, try folder.write("activate.csv", "cardID,activationCode\nSB000004,000034\n"), { $0.cardID = "SB000004" },
                "SB000004"
            ),
            (.setPin, try folder.write("pin.csv", "cardID,pin\nSB000001,482913\n"), { $0.cardID = "SB000001" }, "SB000001"),
            (
                .setStatus, try folder.write("status.csv", "cardID,status\nSB000009,ACTIVE\nSB000009,INACTIVE\n"),
                { ($0.cardID, $0.target) = ("SB000009", "INACTIVE") }, "SB000009 INACTIVE"
            ),
            (.close, try folder.write("close.csv", "cardID\nSB000010\n"), { $0.cardID = "SB000010" }, "SB000010"),
            (.recharge, try folder.write("pay.csv", "cardID,amount\nSB000001,10.50\n"), recharge("SB000001", "10.5"), "SB000001 USD 10.50"),
        ]
        for (operation, input, subject, shown) in cases {
            let earlier = try batch("earlier-\(operation.batchName)", operation, input: input)
            try await journal(earlier, [(line: 2, state: .succeeded, subject: subject)])
            let finding = try findRepeats(operation, input, against: try preflight(operation, input: input).check())
            XCTAssertEqual(finding?.matches, 1, operation.batchName)
            XCTAssertEqual(finding?.subject, shown, operation.batchName)
        }
        let reads = try preflight(.card, input: folder.path("close.csv")).check()
        XCTAssertEqual(reads.count, 0, "read-only operations are not guarded")
    }

    func testAResumedBatchIsComparedWithTheBatchesMadeSinceAndNotItsOwnSucceededRows() async throws {
        let input = folder.path("pay.csv")
        let older = try batch("0older", .recharge, input: input, created: "2026-11-24T10:00:00.000Z")
        try await journal(older, [(line: 2, state: .succeeded, subject: recharge("SB000001", "1.00"))])
        let own = try batch("1own", .recharge, input: input, created: "2026-11-25T10:00:00.000Z")
        try await journal(
            own,
            [
                (line: 3, state: .succeeded, subject: recharge("SB000002", "2.00")),
                (line: 4, state: .pending, subject: recharge("SB000003", "3.00")),
            ])
        let newer = try batch("2newer", .recharge, input: input, created: "2026-11-26T10:00:00.000Z")
        try await journal(
            newer,
            [
                (line: 2, state: .succeeded, subject: recharge("SB000002", "2.00")),
                (line: 3, state: .succeeded, subject: recharge("SB000003", "3.00")),
            ])
        _ = try folder.write("pay.csv", "cardID,amount\nSB000001,1.00\nSB000002,2.00\nSB000003,3.00\n")

        let repeatGuard = try preflight(.recharge, input: input, id: "1own").check()
        XCTAssertTrue(repeatGuard.resuming)
        XCTAssertEqual(repeatGuard.batches.map(\.id), ["2newer"], "only batches made since this one")
        let finding = try XCTUnwrap(findRepeats(.recharge, input, against: repeatGuard))
        XCTAssertEqual(finding.matches, 1, "line 3 already SUCCEEDED here and is not sent again")
        XCTAssertEqual(finding.line, 4)
        XCTAssertTrue(
            finding.message(input: "pay.csv").hasPrefix(
                "pay.csv is an unfinished batch, and batch 2newer of the"
                    + " same file, made after it (2026-11-26 10:00 UTC), has since done or started 1 of its rows (line 4, SB000003 USD 3.00);"
                    + " resuming would do that row twice."), finding.message(input: "pay.csv"))
    }

    func testAnotherBatchOfTheSameFileHoldingItsLockRefusesTheRun() throws {
        let input = try folder.write("pay.csv", "cardID,amount\nSB000001,1.00\n")
        let other = try batch("aaaa", .recharge, input: input)
        let idle = try batch("bbbb", .recharge, input: folder.path("other.csv"))
        let running = try BatchLock(path: other.lockPath)
        let unrelated = try BatchLock(path: idle.lockPath)
        defer { unrelated.release() }
        var allowing = preflight(.recharge, input: input)
        allowing.allowRepeat = true
        XCTAssertThrowsError(try allowing.check()) { error in
            guard case .otherBatchRunning(let named, let batch, let holder)? = error as? BatchGuardError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(named, input)
            XCTAssertEqual(batch.id, "aaaa")
            XCTAssertEqual(holder, "pid \(getpid())")
            XCTAssertEqual((error as? BatchGuardError)?.verdict, .locked)
        }
        XCTAssertThrowsError(try BatchLock(path: other.lockPath), "the probe left the running batch its lock")
        running.release()
        XCTAssertNoThrow(try allowing.check())
    }

    func testARunStopsBeforeSendingWhenAnotherBatchOfTheFileStartedSinceItsCheck() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let input = harness.folder.path("pay.csv")
        let other = try batch("other", .recharge, input: input, in: harness.folder.path("state"))
        let rows = ArraySource.recharges([("SB1", "1.00")])
        var runner = harness.runner(rows)
        runner.inputPath = input
        runner.preflight = BatchPreflight(operation: .recharge, folder: runner.folder, inputPath: input)
        XCTAssertNoThrow(try runner.preflight?.check(), "nothing runs yet")
        let running = try BatchLock(path: other.lockPath)  // the other batch starts meanwhile
        defer { running.release() }
        do {
            _ = try await runner.run(scan: try Harness.scan(rows))
            XCTFail("the run should stop: another batch of its file holds its lock")
        } catch let error as BatchGuardError {
            XCTAssertEqual(error.verdict, .locked, "\(error)")
        }
        XCTAssertEqual(harness.platform.callCount(.recharge), 0)
        XCTAssertNoThrow(try BatchLock(path: runner.folder.lockPath).release(), "its own lock was given back")
    }

    func testABatchOfTheFileStartedWhileARunSendsSeesIt() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let input = harness.folder.path("pay.csv")
        let rows = ArraySource.recharges([("SB1", "1.00")])
        let latecomer = BatchPreflight(
            operation: .recharge,
            folder: StateFolder(
                batchID: "latecomer", stateDir: harness.folder.path("state"), inputPath: input), inputPath: input)
        let seen = SeenErrors()
        var runner = harness.runner(rows)
        runner.api = ProbingAPI(platform: harness.platform) { seen.note { _ = try latecomer.check() } }
        runner.inputPath = input
        runner.preflight = BatchPreflight(operation: .recharge, folder: runner.folder, inputPath: input)
        _ = try await runner.run(scan: try Harness.scan(rows))
        XCTAssertEqual(seen.errors.count, 1)
        guard case .otherBatchRunning(_, let batch, _)? = seen.errors.first as? BatchGuardError else {
            return XCTFail("\(seen.errors)")
        }
        XCTAssertEqual(batch.id, harness.batchID, "a new batch's batch.json is there before it sends")
    }

    func testTheLockProbeNeitherTakesNorCreatesTheLock() throws {
        let lockPath = folder.path("lock")
        XCTAssertNil(try BatchLock.holder(of: lockPath))
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath), "probing created no lock file")
        let lock = try BatchLock(path: lockPath)
        XCTAssertEqual(try BatchLock.holder(of: lockPath), "pid \(getpid())")
        lock.release()
        XCTAssertNil(try BatchLock.holder(of: lockPath))
        let again = try BatchLock(path: lockPath)
        XCTAssertNotNil(try BatchLock.holder(of: lockPath))
        again.release()
    }

    func testAnUnreadableBatchOfTheSameFileRefusesTheRun() async throws {
        let input = folder.path("pay.csv")
        let damaged = try batch("aaaa", .recharge, input: input)
        try "{\"line\":2}\n{\"line\":3,\"state\":\"PENDING\",\"time\":\"x\",\"attempt\":0}\n"
            .write(toFile: damaged.journalPath, atomically: true, encoding: .utf8)
        assertUnreadable(preflight(.recharge, input: input), path: damaged.journalPath, reason: "is damaged at line 1")

        try FileManager.default.removeItem(atPath: damaged.journalPath)
        try FileManager.default.createDirectory(atPath: damaged.journalPath, withIntermediateDirectories: false)
        assertUnreadable(preflight(.recharge, input: input), path: damaged.journalPath, reason: "cannot be read: Is a directory")

        try FileManager.default.removeItem(atPath: damaged.path)
        let garbled = try batch("bbbb", .recharge, input: input)
        try "not json".write(toFile: garbled.infoPath, atomically: true, encoding: .utf8)
        assertUnreadable(
            preflight(.recharge, input: input), path: garbled.infoPath,
            reason: "is not a batch.json (operation, input, created)")
    }

    private func assertUnreadable(_ preflight: BatchPreflight, path: String, reason: String, line: UInt = #line) {
        XCTAssertThrowsError(try preflight.check(), line: line) { error in
            XCTAssertEqual(error as? BatchGuardError, .unreadable(input: preflight.inputPath, path: path, reason: reason), line: line)
            XCTAssertTrue("\(error)".contains("nothing was sent"), line: line)
            XCTAssertFalse("\(error)".contains("move it aside"), "moving it aside would switch the guard off", line: line)
        }
    }

    func testAFileWithTheBytesOfAnotherFileIsRefused() async throws {
        let first = try folder.write("night-1.csv", "cardID,amount\nSB000001,1.00\n")
        let copy = try folder.write("night-2.csv", "cardID,amount\nSB000001,1.00\n")
        let shared = try batch("same", .recharge, input: first)
        try await journal(shared, [(line: 2, state: .succeeded, subject: recharge("SB000001", "1.00"))])
        XCTAssertThrowsError(try preflight(.recharge, input: copy, id: "same").check()) { error in
            guard case .sameContents(_, let batch)? = error as? BatchGuardError else { return XCTFail("\(error)") }
            XCTAssertEqual(batch.info.input, first)
            XCTAssertFalse("\(error)".contains("--state-dir"), "another state dir would switch every guard off")
        }
        XCTAssertNoThrow(try preflight(.recharge, input: first, id: "same").check())
    }

    func testAnInputReachedThroughASymbolicLinkIsTheSameFile() async throws {
        try FileManager.default.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("real"))
        let real = try folder.write("real/pay.csv", "cardID,amount\nSB000001,1.00\n")
        let linked = folder.path("link/pay.csv")
        // An older version wrote the path as given, links left in: it still compares.
        let own = try batch("same", .recharge, input: linked)
        try await journal(own, [(line: 2, state: .succeeded, subject: recharge("SB000001", "1.00"))])
        XCTAssertNoThrow(try preflight(.recharge, input: real, id: "same").check(), "not a renamed copy: the same file")
        let edited = try preflight(.recharge, input: folder.path("link/../link/pay.csv")).check()
        XCTAssertEqual(edited.batches.map(\.id), ["same"])
    }

    func testResolvedPaths() throws {
        try FileManager.default.createDirectory(atPath: folder.path("real/sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("real/sub"))
        _ = try folder.write("real/sub/a.csv", "x")
        let real = ResolvedPath.of(folder.path("real/sub/a.csv"))
        XCTAssertEqual(ResolvedPath.of(folder.path("link/a.csv")), real)
        XCTAssertEqual(ResolvedPath.of(folder.path("link/./a.csv")), real)
        XCTAssertEqual(ResolvedPath.of(folder.path("link/../sub/a.csv")), real, "`..` after a link goes up from its target")
        XCTAssertEqual(ResolvedPath.of(folder.path("link/new.csv")), ResolvedPath.of(folder.path("real/sub")) + "/new.csv")
        XCTAssertEqual(ResolvedPath.of("/no/such/dir/../x.csv"), "/no/such/x.csv")
    }
}
