// End-to-end tests of `plan` as a dry run of `run`: it reads the batch's journal (no lock) and
// forecasts what `run` would send, skip and reconcile, and refuses with the code `run` would.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

final class PlanDryRunTests: SandboxProcessTestCase {

    private func plan(_ extra: [String] = []) throws -> (status: Int32, json: JSONObject?) {
        let result = try KazebatchChild.run(
            ["plan", "recharge", "recharge.csv", "--config", try fixture.configPath(), "--json"]
                + extra, in: folder.url)
        return (result.status, try JSONValue.parse(result.stdout).objectValue)
    }

    func testPlanForecastsAFreshAHalfDoneAFinishedAndARefusedBatch() async throws {
        try fixture.startSandbox(["--cards", "300", "--latency-ms", "20"])
        var text = "cardID,currency,amount,ref\n"
        for index in 1...300 { text += "SB\(String(format: "%06d", index)),USD,2.50,p\(index)\n" }
        try text.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)

        let fresh = try plan()
        XCTAssertEqual(fresh.status, 0)
        XCTAssertEqual(fresh.json?.text("wouldSend"), "300")
        XCTAssertEqual(fresh.json?.text("finished"), "0")
        XCTAssertEqual(fresh.json?["moneyToSend"]?.objectValue?.text("USD"), "750.00")

        let run = try KazebatchChild(
            [
                "run", "recharge", "recharge.csv", "--config", try fixture.configPath(), "--rate", "40",
                "--quiet",
            ], in: folder.url)
        waitForJournal(entries: 30)
        run.send(SIGINT)
        XCTAssertEqual(run.wait(limit: 60).status, 130)
        let half = try plan()
        XCTAssertEqual(half.status, 0)
        let finished = Int(half.json?.text("finished") ?? "") ?? -1
        let toSend = Int(half.json?.text("wouldSend") ?? "") ?? -1
        XCTAssertGreaterThan(finished, 0)
        XCTAssertGreaterThan(toSend, 0)
        XCTAssertEqual(finished + toSend, 300, "a stopped run leaves nothing in doubt: every row finished or to send")
        XCTAssertEqual(half.json?["moneyToSend"]?.objectValue?.text("USD"), String(format: "%.2f", Double(toSend) * 2.5))
        XCTAssertEqual(try fixture.run("recharge.csv", ["--quiet", "--rate", "300", "--concurrency", "8"]).status, 0)

        let done = try plan()
        XCTAssertEqual(done.status, 0)
        XCTAssertEqual(done.json?.text("wouldSend"), "0")
        XCTAssertEqual(done.json?.text("finished"), "300")

        let refused = try plan(["--confirm-total", "USD:1.00"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.json?.text("error")?.contains("--confirm-total does not match") ?? false, "\(String(describing: refused.json))")
        XCTAssertEqual(refused.json?.text("exitCode"), "2")
    }
}
