// End-to-end: a real `kazebatch run` SIGKILLed 20 times at seeded journal entries (the
// test-only crash point) against a sandbox with latency, resumed each time, then run to
// completion. The audit file must hold
// exactly the journal's events (everything but PENDING, in journal order), its chain intact,
// and every card must be credited exactly once.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class KilledRunAuditTests: SandboxProcessTestCase {
    private static let rows = 1000
    private static let kills = 20

    func testTwentyKillsLeaveTheAuditEqualToTheJournal() async throws {
        let seed = ProcessInfo.processInfo.environment["KAZEBATCH_TEST_SEED"].flatMap(UInt64.init) ?? 1
        print("KilledRunAuditTests seed \(seed) (set KAZEBATCH_TEST_SEED to try others)")
        let random = RandomSource(seed: seed)
        try fixture.startSandbox(["--cards", "\(Self.rows)", "--latency-ms", "15"])
        var text = "cardID,currency,amount,ref\n"
        for index in 1...Self.rows { text += "SB\(String(format: "%06d", index)),USD,\(index % 9 + 1).25,k\(index)\n" }
        try text.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let config = try fixture.configPath()

        var kills = 0
        for _ in 0..<Self.kills {
            let entries = 10 + Int(random.nextFraction() * 190)
            let run = try KazebatchChild(
                [
                    "run", "recharge", "recharge.csv", "--config", config, "--rate", "200", "--burst", "8", "--concurrency", "8",
                    "--quiet",
                ], in: folder.url, environment: CrashPoint.afterJournalEntries(entries)
            ).wait(limit: 60)
            if run.reason == .uncaughtSignal, run.status == SIGKILL { kills += 1 }
        }
        XCTAssertEqual(kills, Self.kills, "every run was killed mid-batch (seed \(seed))")

        let final = try fixture.run(
            "recharge.csv",
            [
                "--rate", "400", "--burst", "16", "--concurrency", "16",
                "--settle-seconds", "0", "--retry-failed", "--json",
            ])
        XCTAssertEqual(final.status, 0, "seed \(seed): " + final.stderr)
        let stateRoot = folder.path(".kazebatch")
        let batch = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: stateRoot).first { $0 != AuditHeadRecord.folderName })
        let journal = try BatchEvents.journal("\(stateRoot)/\(batch)/journal.jsonl")
        let audit = try BatchEvents.audit(folder.path("recharge.audit.csv"), batch: batch)
        print("KilledRunAuditTests: \(journal.count) journal events, \(audit.recovered) audit rows recovered after kills")
        XCTAssertEqual(audit.events, journal, "the audit holds the journal's events in journal order (seed \(seed))")
        XCTAssertEqual(
            Dictionary(grouping: audit.events) { $0 }.mapValues(\.count),
            Dictionary(grouping: journal) { $0 }.mapValues(\.count), "same multiset (seed \(seed))")
        let verify = try KazebatchChild.run(["audit", "verify", "recharge.audit.csv"], in: folder.url)
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        let credits = try await fixture.credits()
        XCTAssertEqual(credits.count, Self.rows)
        XCTAssertEqual(credits.filter { $0.value != 1 }, [:], "every card credited exactly once (seed \(seed))")
    }
}
