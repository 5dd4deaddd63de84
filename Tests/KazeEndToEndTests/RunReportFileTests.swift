// The completion report of each run: kept in the batch folder's runs/ (0600), printed by
// `run --json`, its numbers equal to the results file's, listed newest last.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class RunReportFileTests: SandboxProcessTestCase {
    func testTheReportsNumbersAreTheResultsFilesAndEachRunKeepsOne() throws {
        try fixture.startSandbox(["--cards", "10"])
        let csv = "cardID,currency,amount,ref\nSB000001,USD,1.25,a\nSB999999,USD,2.00,b\nSB000002,EUR,3.00,c\nSB000003,USD,0,d\n"
        try csv.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let first = try fixture.run("recharge.csv", ["--json", "--skip-invalid", "--rate", "7"])
        XCTAssertEqual(first.status, 1, first.stderr)
        let report = try XCTUnwrap(JSONValue.parse(Array(first.stdout.utf8)).objectValue)

        let table = try ResultsTable(path: try XCTUnwrap(report.text("results")))
        for outcome in ["SUCCEEDED", "FAILED", "INVALID", "UNKNOWN", "SKIPPED"] {
            XCTAssertEqual(
                report["outcomes"]?.objectValue?.text(outcome), "\(table.rows.filter { $0["outcome"] == outcome }.count)", outcome)
        }
        XCTAssertEqual(report.text("rowsSent"), "\(table.rows.filter { $0["attempts"] != "0" }.count)")
        XCTAssertEqual(report.text("rowsSent"), "3")
        var failures: [String: Int] = [:]
        for row in table.rows where row["outcome"] == "FAILED" { failures[row["code", default: ""], default: 0] += 1 }
        XCTAssertEqual(
            Set(report["failuresByCode"]?.objectValue?.members.map { "\($0.key)=\($0.value.scalarText ?? "")" } ?? []),
            Set(failures.map { "\($0.key)=\($0.value)" }))
        XCTAssertEqual(failures.values.reduce(0, +), 2)
        let usd = try XCTUnwrap(report["money"]?.objectValue?["USD"]?.objectValue)
        XCTAssertEqual(usd.text("requested"), "3.25")
        XCTAssertEqual(usd.text("SUCCEEDED"), "1.25")
        XCTAssertEqual(usd.text("FAILED"), "2.00")
        XCTAssertEqual(report["money"]?.objectValue?["EUR"]?.objectValue?.text("FAILED"), "3.00", "a USD card refuses EUR")

        XCTAssertEqual(report.text("version"), KazebatchVersion.text)
        XCTAssertEqual(
            report.text("command"),
            "kazebatch run recharge recharge.csv --config \(try fixture.configPath()) --json --skip-invalid --rate 7")
        XCTAssertFalse(report.text("user", default: "").isEmpty)
        XCTAssertNotNil(report["host"])
        let started = try XCTUnwrap(report.text("started").flatMap(Timestamp.date))
        let ended = try XCTUnwrap(report.text("ended").flatMap(Timestamp.date))
        XCTAssertLessThanOrEqual(started, ended)
        XCTAssertEqual(report["checkpoint"], .null)
        XCTAssertEqual(report.text("auditHead")?.count, 64)

        let path = try XCTUnwrap(report.text("report"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
        let kept = try XCTUnwrap(JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).objectValue)
        XCTAssertEqual(JSONObject(report.members.filter { $0.key != "report" }), kept)

        let second = try fixture.run("recharge.csv", ["--json", "--skip-invalid"])
        let again = try XCTUnwrap(JSONValue.parse(Array(second.stdout.utf8)).objectValue)
        XCTAssertEqual(again.text("rowsSent"), "0", "nothing was sent again")
        let batch = StateFolder(
            batchID: try XCTUnwrap(report.text("batch")), stateDir: folder.path(".kazebatch"), inputPath: folder.path("recharge.csv"))
        let runs = RunReportFile.list(folder: batch)
        XCTAssertEqual(runs.map(\.path), [path, try XCTUnwrap(again.text("report"))], "newest last")
    }
}

private extension JSONObject {
    func text(_ key: String, default fallback: String) -> String { text(key) ?? fallback }
}
