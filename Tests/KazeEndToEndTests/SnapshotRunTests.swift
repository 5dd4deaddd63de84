// Read-only runs are snapshots: each run of balance queries every row again (a fresh batch),
// the default results hold the latest, each snapshot folder keeps its own, an identical copy
// is not refused, and --resume continues only an interrupted snapshot.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class SnapshotRunTests: SandboxProcessTestCase {
    func testABalanceRerunReturnsCurrentDataAndEverySnapshotIsKept() throws {
        try fixture.startSandbox(["--cards", "10"])
        try "cardID,currency,ref\nSB000001,USD,a\n".write(toFile: folder.path("balance.csv"), atomically: true, encoding: .utf8)
        let before = try report(fixture.run("balance.csv", ["--json"], operation: "balance"))
        XCTAssertEqual(try balance(folder.path("balance.results.csv")), "0.00")

        try "cardID,currency,amount,ref\nSB000001,USD,12.50,r\n".write(
            toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try fixture.run("recharge.csv").status, 0)

        let after = try report(fixture.run("balance.csv", ["--json"], operation: "balance"))
        XCTAssertNotEqual(before.text("batch"), after.text("batch"), "a fresh batch per run")
        XCTAssertEqual(after.text("rowsSent"), "1", "every row queried again")
        XCTAssertEqual(try balance(folder.path("balance.results.csv")), "12.50", "the default results hold the latest snapshot")
        let first = try snapshotFolder(before)
        XCTAssertEqual(try balance(first.path + "/" + Snapshot.resultsFileName), "0.00", "the earlier snapshot keeps its own")
        XCTAssertEqual(try balance(try snapshotFolder(after).path + "/" + Snapshot.resultsFileName), "12.50")

        try FileManager.default.copyItem(atPath: folder.path("balance.csv"), toPath: folder.path("copy.csv"))
        XCTAssertEqual(try fixture.run("copy.csv", [], operation: "balance").status, 0, "an identical copy is not refused")

        let nothing = try fixture.run("balance.csv", ["--resume"], operation: "balance")
        XCTAssertEqual(nothing.status, 2)
        XCTAssertTrue(nothing.stderr.contains("no interrupted snapshot"), nothing.stderr)
        try FileManager.default.removeItem(atPath: try snapshotFolder(after).path + "/" + RunReportFile.folderName)  // as if killed
        let resumed = try report(fixture.run("balance.csv", ["--json", "--resume"], operation: "balance"))
        XCTAssertEqual(resumed.text("batch"), after.text("batch"), "--resume continues the interrupted snapshot")
        XCTAssertEqual(resumed.text("rowsSent"), "0", "its finished rows are not asked again")
    }

    private func report(_ result: ChildResult) throws -> JSONObject {
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONValue.parse(Array(result.stdout.utf8)).objectValue)
    }

    private func snapshotFolder(_ report: JSONObject) throws -> StateFolder {
        StateFolder(
            batchID: try XCTUnwrap(report.text("batch")), stateDir: folder.path(".kazebatch"), inputPath: folder.path("balance.csv"))
    }

    private func balance(_ path: String) throws -> String? { try ResultsTable(path: path).rows.first?["avaBalance"] }
}
