// InProcessGuardTests: the money-safety guards of `run`, driven through the command line in
// this process (`CLI.run` with captured streams) against an in-process sandbox — no binary, no
// sandbox process: each case takes milliseconds of its own. The same guards end to end, with
// the real binary and a sandbox process, are in RepeatGuardTests.

import Foundation
import KazeCLI
import KazeSandbox
import KazeSync
import KazeTestSupport
import XCTest

final class InProcessGuardTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var platform: SandboxWithClient!
    private var config: String { platform.directory.path + "/kazebatch.json" }

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        let directory = SandboxDirectory(path: folder.path("sandbox"))
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        platform = try SandboxWithClient(directory: directory, flags: [:]) { $0.cards = 10 }
        addTeardownBlock { [platform, folder] in
            platform?.stop()
            folder?.remove()
        }
    }

    /// What a command wrote, and how it ended.
    private struct Ran {
        let code: ExitCode
        let out: String
        let err: String
    }

    private func kazebatch(_ words: [String]) async -> Ran {
        let out = Locked("")
        let err = Locked("")
        let streams = ConsoleStreams(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
        let code = await CLI.run(words, streams: streams)
        return Ran(code: code, out: out.withLock { $0 }, err: err.withLock { $0 })
    }

    private func write(_ name: String, _ rows: [String]) throws -> String {
        let path = folder.path(name)
        try (["cardID,currency,amount,ref"] + rows).map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(_ path: String, _ extra: [String] = []) async -> Ran {
        await kazebatch(["run", "recharge", path, "--config", config, "--quiet"] + extra)
    }

    func testAWrongConfirmedTotalSendsNothing() async throws {
        let pay = try write("pay.csv", ["SB000001,USD,1.00,a", "SB000002,USD,2.00,b"])
        let ran = await run(pay, ["--confirm-total", "USD:4.00"])
        XCTAssertEqual(ran.code, .usage)
        XCTAssertEqual(ran.err, "kazebatch: --confirm-total does not match the batch: USD is 3, confirmed 4; nothing was sent\n")
        XCTAssertEqual(platform.transactionCount, 0)

        let unreadable = await run(pay, ["--confirm-total", "USD 3.00"])
        XCTAssertEqual(unreadable.code, .usage)
        XCTAssertEqual(unreadable.err, "kazebatch: --confirm-total must look like USD:12500.00, got \"USD 3.00\"\n")

        let right = await run(pay, ["--confirm-total", "USD:3.00"])
        XCTAssertEqual(right.code, .success, right.err)
        XCTAssertEqual(platform.transactionCount, 2)
    }

    func testAnEditedFileIsRefusedUntilAllowRepeat() async throws {
        let pay = try write("pay.csv", ["SB000001,USD,1.00,a", "SB000002,USD,2.00,b"])
        let first = await run(pay)
        XCTAssertEqual(first.code, .success, first.err)
        _ = try write("pay.csv", ["SB000001,USD,1.00,a", "SB000002,USD,2.00,b", "SB000003,USD,3.00,c"])
        let edited = await run(pay)
        XCTAssertEqual(edited.code, .usage)
        XCTAssertTrue(edited.err.contains("has changed since; 2 of its rows (first: line 2, SB000001 USD 1.00)"), edited.err)
        XCTAssertTrue(edited.err.hasSuffix("nothing was sent\n"), edited.err)
        XCTAssertEqual(platform.transactionCount, 2, "the edited file sent nothing")

        let allowed = await run(pay, ["--allow-repeat"])
        XCTAssertEqual(allowed.code, .success, allowed.err)
        XCTAssertEqual(platform.transactionCount, 5, "--allow-repeat sends every row again, as it says")
    }

    func testAnIdenticalCopyUnderAnotherNameIsRefused() async throws {
        let rows = ["SB000004,USD,4.00,a"]
        let monday = await run(try write("monday.csv", rows))
        XCTAssertEqual(monday.code, .success, monday.err)
        let copy = await run(try write("tuesday.csv", rows))
        XCTAssertEqual(copy.code, .usage)
        XCTAssertTrue(copy.err.contains("has the same contents as"), copy.err)
        XCTAssertEqual(platform.transactionCount, 1)
    }

    /// `run` ignores SIGINT and SIGTERM while it runs (it stops cleanly on them); a caller that
    /// ran it in-process gets them back as they were — else every process it starts later would
    /// ignore SIGTERM too (an ignored signal stays ignored across exec).
    func testARunInProcessLeavesTheStopSignalsAsItFoundThem() async throws {
        func handler(_ number: Int32) -> UnsafeMutableRawPointer? {
            var action = sigaction()
            sigaction(number, nil, &action)
            return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeMutableRawPointer?.self)
        }
        let before = (handler(SIGINT), handler(SIGTERM))
        let ran = await run(try write("pay.csv", ["SB000006,USD,6.00,a"]))
        XCTAssertEqual(ran.code, .success, ran.err)
        XCTAssertEqual(handler(SIGINT), before.0)
        XCTAssertEqual(handler(SIGTERM), before.1)
        XCTAssertNotEqual(handler(SIGTERM), unsafeBitCast(SIG_IGN, to: UnsafeMutableRawPointer?.self))
    }

    func testTheJSONSummaryGoesToTheCapturedStdout() async throws {
        let pay = try write("pay.csv", ["SB000005,USD,5.00,a"])
        let ran = await kazebatch(["run", "recharge", pay, "--config", config, "--json"])
        XCTAssertEqual(ran.code, .success, ran.err)
        let summary = try JSONSerialization.jsonObject(with: Data(ran.out.utf8)) as? [String: Any]
        XCTAssertEqual(summary?["exitCode"] as? Int, 0, ran.out)
    }
}
