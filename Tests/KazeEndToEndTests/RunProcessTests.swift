// End-to-end tests of the real `kazebatch` executable against a `kazebatch sandbox` process:
// SIGKILLed at chosen journal entries and resumed, the batch lock, a changed input, a tampered audit.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class RunProcessTests: SandboxProcessTestCase {

    private func writeRecharges(_ rows: Int, name: String = "recharge.csv") throws -> String {
        var text = "cardID,currency,amount,ref\n"
        for index in 1...rows { text += "SB\(String(format: "%06d", index)),USD,\(index % 9 + 1).25,k\(index)\n" }
        try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        return name
    }

    /// Journal entries after which each killed run dies (the test-only crash point): early,
    /// mid-row and late, each reproducible.
    private static let crashPoints = [5, 40, 77, 150, 9, 260]

    func testKilledRunsResumeToExactlyOnceCrediting() async throws {
        try fixture.startSandbox(["--cards", "400", "--latency-ms", "15"])
        let file = try writeRecharges(400)
        var kills = 0
        for entries in Self.crashPoints {
            let run = try KazebatchChild(
                [
                    "run", "recharge", file, "--config", try fixture.configPath(), "--rate", "200", "--burst", "8", "--concurrency", "8",
                    "--quiet",
                ],
                in: folder.url, environment: CrashPoint.afterJournalEntries(entries)
            ).wait(limit: 60)
            if run.reason == .uncaughtSignal, run.status == SIGKILL { kills += 1 }
        }
        XCTAssertEqual(kills, Self.crashPoints.count, "every run killed itself mid-batch")
        let final = try fixture.run(file, ["--rate", "200", "--concurrency", "8", "--settle-seconds", "0", "--retry-failed", "--json"])
        XCTAssertEqual(final.status, 0, final.stderr)
        let summary = try JSONValue.parse(final.stdout).objectValue
        XCTAssertEqual(summary?["outcomes"]?.objectValue?.text("SUCCEEDED"), "400")
        let stateRoot = folder.path(".kazebatch")
        let batch = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: stateRoot).first { $0 != AuditHeadRecord.folderName })
        let journal = try String(contentsOfFile: "\(stateRoot)/\(batch)/journal.jsonl", encoding: .utf8)
        XCTAssertTrue(
            journal.contains("\"code\":\"RECONCILED\"") || journal.contains("\"code\":\"NOT_COMMITTED\""),
            "requests cut off by the kills were reconciled")
        let credits = try await fixture.credits()
        XCTAssertEqual(credits.count, 400)
        XCTAssertEqual(credits.values.filter { $0 != 1 }.count, 0, "every card credited exactly once: \(credits.filter { $0.value != 1 })")
        let audit = try KazebatchChild.run(["audit", "verify", "recharge.audit.csv"], in: folder.url)
        XCTAssertEqual(audit.status, 0, audit.stdout + audit.stderr)
    }

    func testASecondRunOfALockedBatchExitsSix() async throws {
        try fixture.startSandbox(["--cards", "50", "--latency-ms", "200"])
        let file = try writeRecharges(50)
        let first = try KazebatchChild(
            ["run", "recharge", file, "--config", try fixture.configPath(), "--rate", "5", "--quiet"], in: folder.url
        ).process
        defer {
            if first.isRunning { kill(first.processIdentifier, SIGKILL) }
            first.waitUntilExit()
        }
        waitForJournal(entries: 1)  // the batch is locked before its first entry is written
        let second = try fixture.run(file)
        XCTAssertEqual(second.status, 6, second.stderr)
        XCTAssertTrue(second.stderr.contains("locked by another run (pid \(first.processIdentifier))"), second.stderr)
    }

    func testAChangedInputIsANewBatchAndStatusReportsEach() async throws {
        try fixture.startSandbox(["--cards", "10"])
        let file = try writeRecharges(4)
        XCTAssertEqual(try fixture.run(file, ["--quiet"]).status, 0)
        let status = try KazebatchChild.run(["status", "recharge", file, "--config", try fixture.configPath()], in: folder.url)
        XCTAssertTrue(status.stdout.contains("SUCCEEDED 4"), status.stdout)
        XCTAssertEqual(try fixture.run(file, ["--quiet"]).status, 0)
        let afterResume = try await fixture.credits().values.reduce(0, +)
        XCTAssertEqual(afterResume, 4, "the same file resumes: nothing sent again")

        _ = try writeRecharges(5)
        let refused = try fixture.run(file, ["--quiet"])
        XCTAssertEqual(refused.status, 2, "its first 4 rows were paid by the first batch")
        XCTAssertTrue(refused.stderr.contains("4 of its rows (first: line 2, SB000001 USD 2.25)"), refused.stderr)
        XCTAssertEqual(try fixture.run(file, ["--quiet", "--allow-repeat"]).status, 0)
        let batches = try FileManager.default.contentsOfDirectory(atPath: folder.path(".kazebatch")).filter {
            $0 != AuditHeadRecord.folderName
        }
        XCTAssertEqual(batches.count, 2, "a changed file is a new batch")
        let afterChange = try await fixture.credits().values.reduce(0, +)
        XCTAssertEqual(afterChange, 9)
    }

    func testValidationErrorsSendNothingAndConfirmTotalGuards() async throws {
        try fixture.startSandbox(["--cards", "10"])
        let file = try writeRecharges(3)
        let wrongTotal = try fixture.run(file, ["--confirm-total", "USD:1.00"])
        XCTAssertEqual(wrongTotal.status, 2)
        XCTAssertTrue(wrongTotal.stderr.contains("--confirm-total does not match the batch: USD is 9.75, confirmed 1"), wrongTotal.stderr)
        try "cardID,currency,amount\nSB000001,USD,-5\nSB000002,USD,1.00\n".write(
            toFile: folder.path("bad.csv"), atomically: true, encoding: .utf8)
        let invalid = try fixture.run("bad.csv")
        XCTAssertEqual(invalid.status, 3)
        let afterInvalid = try await fixture.credits()
        XCTAssertEqual(afterInvalid.count, 0, "nothing was sent")
        let skipping = try fixture.run("bad.csv", ["--skip-invalid", "--quiet"])
        XCTAssertEqual(skipping.status, 1)
        let afterSkip = try await fixture.credits()
        XCTAssertEqual(afterSkip, ["SB000002": 1])
        let right = try fixture.run(file, ["--confirm-total", "USD:9.75", "--quiet"])
        XCTAssertEqual(right.status, 0, right.stderr)
    }

    func testATamperedAuditFileIsDetected() async throws {
        try fixture.startSandbox(["--cards", "10"])
        let file = try writeRecharges(5)
        XCTAssertEqual(try fixture.run(file, ["--quiet"]).status, 0)
        let path = folder.path("recharge.audit.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines[4] = lines[4].replacingOccurrences(of: ",SB0", with: ",SB9")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let verify = try KazebatchChild.run(["audit", "verify", path], in: folder.url)
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.contains("line 5"), verify.stdout)
        let results = try String(contentsOfFile: folder.path("recharge.results.csv"), encoding: .utf8)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("recharge.results.csv"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(results.split(separator: "\n").count, 6)
    }
}
