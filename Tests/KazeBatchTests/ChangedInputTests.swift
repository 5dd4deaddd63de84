// ChangedInputTests: an input file edited, replaced or appended to while its batch runs is not
// read again — so the money sent, confirmed and summed always comes from the one file the
// batch id covers.

import Foundation
import XCTest
import KazeProtocol
@testable import KazeBatch

final class ChangedInputTests: XCTestCase {
    private let csv = "cardID,currency,amount,ref\nSB1,USD,1.00,a\n"

    private func input(_ harness: Harness) throws -> String {
        let path = harness.folder.path("in.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAnUnchangedFileIsReadEveryPass() throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let source = try UnchangedInput(source: ArraySource.recharges([("SB1", "1.00")]), path: try input(harness))
        var seen = 0
        try source.forEachRecord { _ in seen += 1 }
        try source.forEachRecord { _ in seen += 1 }
        XCTAssertEqual(seen, 2)
    }

    func testAppendingToTheFileStopsTheNextPass() throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let path = try input(harness)
        let source = try UnchangedInput(source: ArraySource.recharges([("SB1", "1.00")]), path: path)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("SB2,USD,900.00,b\n".utf8))
        try handle.close()
        var seen = 0
        XCTAssertThrowsError(try source.forEachRecord { _ in seen += 1 }) { error in
            XCTAssertEqual((error as? InputError)?.path, path)
            XCTAssertTrue((error as? InputError)?.problem.hasPrefix("the file changed while the batch was running") ?? false, "\(error)")
        }
        XCTAssertEqual(seen, 0)
    }

    func testReplacingTheFileBeforeSendingSendsNothing() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let path = try input(harness)
        let rows = ArraySource.recharges([("SB1", "1.00")])
        let source = try UnchangedInput(source: rows, path: path)
        let replacement = harness.folder.path("new.csv")
        try Data(csv.replacingOccurrences(of: "1.00", with: "900.00").utf8).write(to: URL(fileURLWithPath: replacement))
        XCTAssertEqual(rename(replacement, path), 0)
        var runner = harness.runner(rows)
        runner.source = source
        do {
            _ = try await runner.run(scan: try Harness.scan(rows))
            XCTFail("a replaced input must stop the run")
        } catch let error as InputError {
            XCTAssertEqual(error.path, path)
        }
        XCTAssertEqual(harness.platform.callCount(.recharge), 0)
    }
}
