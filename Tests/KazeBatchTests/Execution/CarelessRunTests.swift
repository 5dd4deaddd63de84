// CarelessRunTests: a run whose results file cannot be written (its folder does not exist, or
// the path is a folder) stops before sending anything, instead of moving money and then
// failing at the end.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class CarelessRunTests: XCTestCase {
    func testUnwritableResultsPathStopsTheRunBeforeAnyCall() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        var runner = harness.runner(.recharges([("SB1", "1.00"), ("SB2", "2.00")]))
        runner.resultsPath = harness.folder.path("missing-folder/results.csv")
        do {
            _ = try await runner.run(scan: try Harness.scan(.recharges([("SB1", "1.00"), ("SB2", "2.00")])))
            XCTFail("the run should fail on the results path")
        } catch let error as OutputError {
            XCTAssertTrue("\(error)".contains("missing-folder/results.csv"), "\(error)")
        }
        XCTAssertEqual(harness.platform.callCount(.recharge), 0, "nothing may be sent when results cannot be written")
        XCTAssertEqual(try harness.journal().rows.count, 0)
    }

    func testResultsPathThatIsAFolderStopsTheRunBeforeAnyCall() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let rows = ArraySource.recharges([("SB1", "1.00")])
        var runner = harness.runner(rows)
        runner.resultsPath = harness.folder.path("out")
        try FileManager.default.createDirectory(atPath: runner.resultsPath, withIntermediateDirectories: false)
        do {
            _ = try await runner.run(scan: try Harness.scan(rows))
            XCTFail("the run should fail on the results path")
        } catch let error as OutputError {
            XCTAssertEqual(error, .io(path: runner.resultsPath, reason: "is a folder, not a file"))
        }
        XCTAssertEqual(harness.platform.callCount(.recharge), 0)
    }
}
