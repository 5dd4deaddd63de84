// A run never replaces another batch's results or errors file: an edited copy of a file, and
// x.jsonl beside x.csv, get the default name with their short batch id; an explicit
// --results holding another batch's outcomes is refused (exit 2); the batch's own rerun
// writes its own file again.

import Foundation
import KazeTestSupport
import XCTest

final class NeverReplaceResultsTests: SandboxProcessTestCase {
    func testAnEditedFileAndAJSONLTwinNeverReplaceTheFirstBatchsResults() throws {
        try fixture.startSandbox(["--cards", "10"])
        let csv = "cardID,currency,amount,ref\nSB000001,USD,1.00,a\nSB000002,USD,2.00,b\n"
        try csv.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try fixture.run("recharge.csv").status, 0)
        let first = try String(contentsOfFile: folder.path("recharge.results.csv"), encoding: .utf8)
        XCTAssertEqual(first.split(separator: "\n").count, 3)

        // The same rows as JSONL: another batch, same default names.
        let jsonl = "{\"cardID\":\"SB000003\",\"amount\":3.00,\"ref\":\"c\"}\n"
        try jsonl.write(toFile: folder.path("recharge.jsonl"), atomically: true, encoding: .utf8)
        let twin = try fixture.run("recharge.jsonl", ["--json"])
        XCTAssertEqual(twin.status, 0, twin.stderr)
        let twinResults = try XCTUnwrap(resultsPath(twin.stdout))
        XCTAssertTrue(
            twinResults.hasSuffix(".results.csv") && twinResults.contains("/recharge.") && !twinResults.hasSuffix("/recharge.results.csv"),
            twinResults)
        XCTAssertEqual(try String(contentsOfFile: folder.path("recharge.results.csv"), encoding: .utf8), first, "never replaced")
        let shortID = URL(fileURLWithPath: twinResults).lastPathComponent.split(separator: ".")[1]
        XCTAssertEqual(shortID.count, 8)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: folder.path("recharge.\(shortID).errors.csv")), "its errors file moves aside too")

        // An edited (fixed) copy of recharge.csv: a new batch.
        try (csv + "SB000004,USD,4.00,d\n").replacingOccurrences(of: "SB000001,USD,1.00,a\nSB000002,USD,2.00,b\n", with: "")
            .write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let edited = try fixture.run("recharge.csv", ["--json"])
        XCTAssertEqual(edited.status, 0, edited.stderr)
        let editedResults = try XCTUnwrap(resultsPath(edited.stdout))
        XCTAssertTrue(FileManager.default.fileExists(atPath: editedResults))
        XCTAssertNotEqual(URL(fileURLWithPath: editedResults).lastPathComponent, "recharge.results.csv")
        XCTAssertEqual(try String(contentsOfFile: folder.path("recharge.results.csv"), encoding: .utf8), first, "never replaced")

        // An explicit --results naming the first batch's file is refused.
        let refused = try fixture.run("recharge.csv", ["--results", folder.path("recharge.results.csv")])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("holds the outputs of another batch"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: folder.path("recharge.results.csv"), encoding: .utf8), first)

        // The first batch's own rerun writes its own file again.
        try csv.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let rerun = try fixture.run("recharge.csv", ["--json"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try resultsPath(rerun.stdout).map { URL(fileURLWithPath: $0).lastPathComponent }, "recharge.results.csv")
    }

    private func resultsPath(_ json: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["results"] as? String
    }
}
