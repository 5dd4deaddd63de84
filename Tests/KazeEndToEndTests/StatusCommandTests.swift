// End-to-end tests of `status` from another shell: an empty environment (no keys, no
// configuration), during a run (the lock held, exit 0) and after it, and --watch ending with it.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

final class StatusCommandTests: SandboxProcessTestCase {

    /// `kazebatch status ...` with an empty environment, in the test folder.
    private func status(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try KazebatchBinary.require()
        process.arguments = ["status", "recharge", "recharge.csv"] + arguments
        process.currentDirectoryURL = folder.url
        process.environment = [:]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testStatusNeedsNoConfigurationDuringAndAfterARun() async throws {
        try fixture.startSandbox(["--cards", "200", "--latency-ms", "20"])
        var text = "cardID,currency,amount,ref\n"
        for index in 1...200 { text += "SB\(String(format: "%06d", index)),USD,1.50,t\(index)\n" }
        try text.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)

        let never = try status([])
        XCTAssertEqual(never.status, 0, never.stderr)
        XCTAssertTrue(never.stdout.contains("never ran"), never.stdout)

        let run = try KazebatchChild(
            [
                "run", "recharge", "recharge.csv", "--config", try fixture.configPath(), "--rate", "40",
                "--quiet",
            ], in: folder.url)
        defer {
            if run.process.isRunning { run.send(SIGKILL) }
            run.wait()
        }
        waitForJournal(entries: 20)
        let during = try status(["--json"])
        XCTAssertEqual(during.status, 0, during.stderr)
        let object = try XCTUnwrap(try JSONValue.parse(during.stdout).objectValue, during.stdout)
        XCTAssertEqual(object["running"], .bool(true))
        XCTAssertEqual(object.text("records"), "200")
        XCTAssertNotEqual(object["states"]?.objectValue?.text("SUCCEEDED"), "0")

        let watched = try status(["--watch", "--interval", "1"])
        XCTAssertEqual(watched.status, 0, watched.stderr)
        XCTAssertTrue(watched.stdout.contains("rows/s"), "refresh lines while the run goes: \(watched.stdout)")
        XCTAssertTrue(watched.stdout.contains("SUCCEEDED 200"), "the final report once the run ended: \(watched.stdout)")
        XCTAssertEqual(run.wait(limit: 60).status, 0)

        let after = try status([])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.contains("(no run now)"), after.stdout)
        XCTAssertTrue(after.stdout.contains("money USD: succeeded 300"), after.stdout)
    }
}
