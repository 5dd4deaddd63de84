// ChangedInputTests: an input file edited or replaced while its batch runs is not read again,
// and one appended to is read only up to the batch's own bytes (the run is asked to stop) — so
// the money sent, confirmed and summed always comes from the one file the batch id covers.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeBatch

final class ChangedInputTests: XCTestCase {
    private let csv = "cardID,currency,amount,ref\nSB1,USD,1.00,a\n"

    private func input(_ harness: Harness) throws -> String {
        let path = harness.folder.path("in.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The input at `path` as `run` reads it: the batch's bytes only, through the validator.
    private func unchanged(_ path: String, stop: StopRequest = StopRequest()) throws -> UnchangedInput {
        let url = URL(fileURLWithPath: path)
        return try UnchangedInput(
            path: path, stopRequest: stop,
            fingerprint: { bytes in
                try BatchID.compute(operation: .recharge, file: url, sysId: "S1", endpoint: "http://127.0.0.1:1", limit: bytes)
            },
            makeSource: { bytes in
                var options = ValidationOptions()
                options.byteLimit = bytes
                return BatchValidator(operation: .recharge, file: url, format: .csv, options: options)
            })
    }

    func testAnUnchangedFileIsReadEveryPass() throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let source = try unchanged(try input(harness))
        var seen = 0
        try source.forEachRecord { _ in seen += 1 }
        try source.forEachRecord { _ in seen += 1 }
        XCTAssertEqual(seen, 2)
        XCTAssertNil(source.stopRequest.reason)
    }

    func testAppendedRowsAreNeverReadAndTheRunIsAskedToStop() throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let path = try input(harness)
        let source = try unchanged(path)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("SB2,USD,900.00,b\n".utf8))
        try handle.close()
        var refs: [String] = []
        try source.forEachRecord { refs.append($0.ref) }
        XCTAssertEqual(refs, ["a"], "only the batch's own bytes are read")
        XCTAssertEqual(source.stopRequest.reason, .inputChanged)
    }

    func testAnInputEditedInPlaceIsNotReadAgain() throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let path = try input(harness)
        let source = try unchanged(path)
        try Data(csv.replacingOccurrences(of: "1.00", with: "9.00").utf8).write(to: URL(fileURLWithPath: path))
        var seen = 0
        XCTAssertThrowsError(try source.forEachRecord { _ in seen += 1 }) { error in
            XCTAssertEqual((error as? InputError)?.path, path)
            XCTAssertTrue((error as? InputError)?.problem.hasPrefix("the file was edited or replaced") ?? false, "\(error)")
        }
        XCTAssertEqual(seen, 0)
    }

    func testReplacingTheFileBeforeSendingSendsNothing() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        let path = try input(harness)
        let rows = ArraySource.recharges([("SB1", "1.00")])
        let source = try unchanged(path)
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
