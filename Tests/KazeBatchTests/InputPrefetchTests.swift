// Tests for reading ahead on a background thread: records keep their order across batches, and a
// caller that throws stops the reading thread.

import XCTest
@testable import KazeBatch
import KazeProtocol

/// Tests for reading ahead on a background thread: order, and stopping when the caller throws.
final class InputPrefetchTests: XCTestCase {
    private struct Stop: Error {}

    func testRecordsArriveInOrderAcrossBatchesAndAThrowStopsReading() throws {
        let rows = (1...5_000).map { "SB\($0)" }
        let url = try ValidationTestFiles.write((["cardID"] + rows).joined(separator: "\n"), named: "c.csv", for: self)
        let lines = try ValidationTestFiles.outcomes(.card, url).map(\.line)
        XCTAssertEqual(lines, Array(2...5_001))
        var seen = 0
        let validator = BatchValidator(operation: .card, file: url, format: .csv, options: ValidationOptions())
        XCTAssertThrowsError(try validator.forEachRecord { _ in
            seen += 1
            if seen == 1_500 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 1_500)
    }
}
