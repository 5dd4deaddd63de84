// End-to-end: a `kazebatch run` whose files cannot grow past a size limit (RLIMIT_FSIZE, as
// `ulimit -f` sets it; kazebatch ignores SIGXFSZ, so write() fails with EFBIG) stops with
// exit 7, says how many requests went out, still writes the results, and the same command
// run again without the limit finishes the batch, every event in the audit file.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class JournalWriteFailureTests: SandboxProcessTestCase {
    /// Runs `kazebatch arguments...` with every file it writes limited to `bytes` (the limit is
    /// set on this process only while the child is spawned, which inherits it).
    private func runLimited(fileSize bytes: Int, _ arguments: [String]) throws -> ChildResult {
        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        var tight = saved
        tight.rlim_cur = rlim_t(bytes)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &tight), 0)
        let child: KazebatchChild
        do {
            defer { setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved) }
            child = try KazebatchChild(arguments, in: folder.url)
        }
        return child.wait(limit: 60)
    }

    private func writeInput(_ name: String, header: String, rows: Int, _ row: (Int) -> String) throws {
        let text = ([header] + (1...rows).map(row)).joined(separator: "\n") + "\n"
        try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
    }

    private func journalPath() throws -> String {
        let stateRoot = folder.path(".kazebatch")
        let batch = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: stateRoot).first { $0 != AuditHeadRecord.folderName })
        return "\(stateRoot)/\(batch)/journal.jsonl"
    }

    /// Starts a sandbox with `rows` cards and runs `recharge` over them with every file limited
    /// to `fileSize` bytes.
    private func limitedRechargeRun(rows: Int, fileSize: Int, concurrency: Int) throws -> ChildResult {
        try fixture.startSandbox(["--cards", "\(rows)", "--latency-ms", "5"])
        try writeInput("recharge.csv", header: "cardID,currency,amount,ref", rows: rows) {
            "SB\(String(format: "%06d", $0)),USD,\($0 % 9 + 1).25,k\($0)"
        }
        return try runLimited(
            fileSize: fileSize,
            [
                "run", "recharge", "recharge.csv", "--config", try fixture.configPath(),
                "--rate", "200", "--concurrency", "\(concurrency)", "--quiet",
            ])
    }

    /// The audit file `name` holds exactly the journal's events, its chain intact.
    private func assertAuditEqualsJournal(_ name: String) throws {
        let journal = try journalPath()
        let batch = URL(fileURLWithPath: journal).deletingLastPathComponent().lastPathComponent
        XCTAssertEqual(try BatchEvents.audit(folder.path(name), batch: batch).events, try BatchEvents.journal(journal))
        XCTAssertEqual(try KazebatchChild.run(["audit", "verify", name], in: folder.url).status, 0)
    }

    /// The number in "N requests went out in this run".
    private func requestsWentOut(_ stderr: String) -> Int? {
        guard let range = stderr.range(of: #"(\d+) requests? went out in this run"#, options: .regularExpression) else { return nil }
        return Int(stderr[range].prefix { $0.isNumber })
    }

    func testAJournalThatCannotGrowStopsTheRunWithExitSevenAndTheResultsWritten() async throws {
        try fixture.startSandbox(["--cards", "40", "--latency-ms", "5"])
        try writeInput("cards.csv", header: "cardID,ref", rows: 40) { "SB\(String(format: "%06d", $0)),c\($0)" }
        let run = ["run", "card", "cards.csv", "--config", try fixture.configPath(), "--rate", "200", "--concurrency", "4"]

        let stopped = try runLimited(fileSize: 16_000, run + ["--quiet"])
        XCTAssertEqual(stopped.reason, .exit, "not killed by SIGXFSZ: \(stopped.stderr)")
        XCTAssertEqual(stopped.status, 7, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("kazebatch: stopped: the journal could not be written"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("File too large"), stopped.stderr)
        XCTAssertFalse(stopped.stderr.contains("Fatal error"), stopped.stderr)
        let journal = try journalPath()
        let index = try JournalIndex.load(path: journal)
        XCTAssertFalse(index.hadTornLine, "the failed write was taken back")
        let sent = try BatchEvents.journal(journal).filter { $0.event == "SENT" }.count
        XCTAssertEqual(requestsWentOut(stopped.stderr), sent, "the message counts the requests that went out")
        XCTAssertGreaterThan(sent, 0)
        XCTAssertLessThan(index.rows.count, 40, "no new rows started after the failure")
        let results = try String(contentsOfFile: folder.path("cards.results.csv"), encoding: .utf8)
        XCTAssertEqual(results.split(separator: "\n").count, 41, "the results are still written, one row per record")
        XCTAssertTrue(results.contains(",SKIPPED,"), results)

        let resumed = try KazebatchChild.run(run + ["--json"], in: folder.url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try JSONValue.parse(resumed.stdout).objectValue?["outcomes"]?.objectValue?.text("SUCCEEDED"), "40")
        try assertAuditEqualsJournal("cards.audit.csv")
    }

    func testARechargeRunStoppedByAFullDiskResumesToExactlyOnceCreditingWithTheAuditComplete() async throws {
        let stopped = try limitedRechargeRun(rows: 60, fileSize: 16_000, concurrency: 8)
        XCTAssertEqual(stopped.status, 7, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("could not be written"), stopped.stderr)
        let sent = try BatchEvents.journal(try journalPath()).filter { $0.event == "SENT" }.count
        XCTAssertEqual(requestsWentOut(stopped.stderr), sent)
        let creditedBefore = try await fixture.credits().values.reduce(0, +)
        XCTAssertLessThanOrEqual(creditedBefore, sent, "nothing went out without its SENT entry")

        let resumed = try fixture.run("recharge.csv", ["--settle-seconds", "0", "--retry-failed", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let credits = try await fixture.credits()
        XCTAssertEqual(credits.count, 60)
        XCTAssertEqual(credits.filter { $0.value != 1 }, [:], "every card credited exactly once")
        try assertAuditEqualsJournal("recharge.audit.csv")
    }

    func testWhenTheResultsCannotBeWrittenEitherTheStopStillExitsSevenAndSaysSo() async throws {
        let stopped = try limitedRechargeRun(rows: 400, fileSize: 8_000, concurrency: 4)
        XCTAssertEqual(stopped.reason, .exit, "not killed by SIGXFSZ: \(stopped.stderr)")
        XCTAssertEqual(stopped.status, 7, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("could not be written ("), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("; the results file could not be written either ("), stopped.stderr)
        XCTAssertEqual(requestsWentOut(stopped.stderr), try BatchEvents.journal(try journalPath()).filter { $0.event == "SENT" }.count)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path("recharge.results.csv")), "no half results file")
    }
}
