// End-to-end tests of stopping a run early: the first SIGINT/SIGTERM (exit 130/143) or the
// input being appended to (exit 8) stops starting rows, finishes those in flight and writes the
// results; a rerun resumes.

import Foundation
import KazeTestSupport
import XCTest

final class StopSignalTests: SandboxProcessTestCase {

    private func writeRecharges(_ rows: Int) throws -> String {
        var text = "cardID,currency,amount,ref\n"
        for index in 1...rows { text += "SB\(String(format: "%06d", index)),USD,1.00,s\(index)\n" }
        try text.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        return "recharge.csv"
    }

    /// The outcome column of every results row.
    private func outcomes() throws -> [String] {
        let results = try ResultsTable(path: folder.path("recharge.results.csv"))
        XCTAssertTrue(results.header.contains("outcome"), "\(results.header)")
        return results.column("outcome")
    }

    func testSIGINTStopsCleanlyAndTheRerunPaysNothingTwice() async throws {
        try fixture.startSandbox(["--cards", "2000", "--latency-ms", "30"])
        let file = try writeRecharges(2000)
        let run = try KazebatchChild(
            [
                "run", "recharge", file, "--config", try fixture.configPath(), "--rate", "100",
                "--concurrency", "4",
            ], in: folder.url)
        waitForJournal(entries: 60)
        run.send(SIGINT)
        let stopped = run.wait(limit: 60)
        XCTAssertEqual(stopped.status, 130, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("stopped by SIGINT"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("run the same command again"), stopped.stderr)
        let firstOutcomes = try outcomes()
        XCTAssertEqual(firstOutcomes.count, 2000, "one results row per record")
        XCTAssertGreaterThan(firstOutcomes.filter { $0 == "SKIPPED" }.count, 0, "the unsent rows are SKIPPED")
        XCTAssertEqual(Set(firstOutcomes).subtracting(["SUCCEEDED", "SKIPPED"]), [], "in-flight rows finished")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "no temporary file left behind")

        let resumed = try fixture.run(file, ["--rate", "200", "--concurrency", "8", "--json"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try outcomes().filter { $0 == "SUCCEEDED" }.count, 2000)
        let credits = try await fixture.credits()
        XCTAssertEqual(credits.count, 2000)
        XCTAssertEqual(credits.values.filter { $0 != 1 }.count, 0, "every card credited exactly once")
    }

    func testSIGTERMExits143AndAStaleTemporaryFileIsRemoved() async throws {
        try fixture.startSandbox(["--cards", "300", "--latency-ms", "30"])
        let file = try writeRecharges(300)
        let stale = folder.path(".recharge.results.csv.tmp-999999")
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        let run = try KazebatchChild(
            [
                "run", "recharge", file, "--config", try fixture.configPath(), "--rate", "50",
                "--quiet",
            ], in: folder.url)
        waitForJournal(entries: 10)
        run.send(SIGTERM)
        let stopped = run.wait(limit: 60)
        XCTAssertEqual(stopped.status, 143, stopped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "the stale temporary file of a dead run is removed")
        XCTAssertEqual(try outcomes().count, 300)
    }

    func testAppendingToTheInputMidRunStopsWithExit8AndNeverSendsTheAddedRows() async throws {
        try fixture.startSandbox(["--cards", "400", "--latency-ms", "30"])
        let file = try writeRecharges(300)
        let run = try KazebatchChild(
            [
                "run", "recharge", file, "--config", try fixture.configPath(), "--rate", "50",
                "--json",
            ], in: folder.url)
        waitForJournal(entries: 10)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: folder.path(file)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((301...400).map { "SB\(String(format: "%06d", $0)),USD,1.00,s\($0)\n" }.joined().utf8))
        try handle.close()
        let stopped = run.wait(limit: 60)
        XCTAssertEqual(stopped.status, 8, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("changed while the batch was running"), stopped.stderr)
        let firstOutcomes = try outcomes()
        XCTAssertEqual(firstOutcomes.count, 300, "results cover the batch's own rows only")
        XCTAssertGreaterThan(firstOutcomes.filter { $0 == "SKIPPED" }.count, 0)
        let credits = try await fixture.credits()
        XCTAssertEqual(credits.filter { $0.key > "SB000300" }.count, 0, "an appended row is never sent")
        XCTAssertEqual(credits.values.filter { $0 != 1 }.count, 0)
    }
}
