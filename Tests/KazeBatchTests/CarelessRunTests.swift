// CarelessRunTests: a run whose results file cannot be written (its folder does not exist)
// stops before sending anything, instead of moving money and then failing at the end.

import XCTest
import KazeProtocol
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
}
