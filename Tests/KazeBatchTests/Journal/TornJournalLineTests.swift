// Tests for the one torn-line rule: a last journal line without its LF is an interrupted
// write — never applied by the index, always cut by the journal — even when it happens to be
// complete JSON, so the index built before the cut still matches the file after it.

import KazeTestSupport
import XCTest

@testable import KazeBatch

final class TornJournalLineTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var path: String { folder.path("journal.jsonl") }

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private static func entry(_ line: Int, _ state: JournalState, requestNo: String? = nil, code: String? = nil) -> JournalEntry {
        var entry = JournalEntry(
            line: line, state: state, time: "2026-01-01T00:00:00.000Z", attempt: state == .pending ? 0 : 1,
            requestNo: requestNo)
        entry.code = code
        if state == .pending { (entry.cardID, entry.amount, entry.currency, entry.ref) = ("SB\(line)", "\(line).00", "USD", "r\(line)") }
        return entry
    }

    /// Every line's record folded from the entries actually in the file.
    private func foldedFromFile() throws -> [Int: RowRecord] {
        var records: [Int: RowRecord] = [:]
        try LineReader(path: path).forEachRawLine { bytes, _, _, terminated in
            XCTAssertTrue(terminated, "the file ends with a complete line")
            let entry = try XCTUnwrap(JournalEntry(jsonLine: bytes))
            records[entry.line, default: RowRecord(line: entry.line)].apply(entry)
        }
        return records
    }

    func testATornButParsableLastLineIsNotAppliedAndAppendsLandRight() async throws {
        let first = try Journal(path: path)
        for line in [2, 3] {
            try await first.append(Self.entry(line, .pending))
            try await first.append(Self.entry(line, .sent, requestNo: "R\(line)"))
        }
        // Row 2's outcome was being written when the process died: the JSON is complete, the LF is not.
        var torn = Self.entry(2, .succeeded, requestNo: "R2", code: "SUCCESS")
        torn.fields = ["transactionId": "T-TORN"]
        let tornText = String(decoding: torn.jsonLine, as: UTF8.self)
        try appendTornTail(tornText, to: path)

        var index = try JournalIndex.load(path: path)
        XCTAssertTrue(index.hadTornLine)
        XCTAssertEqual(index.summary(2)?.state, .sent, "an outcome whose write never returned is not applied")
        XCTAssertFalse(try index.claimedTransactionIds.contains("T-TORN"))

        let resumed = try Journal(path: path)  // cuts the torn line
        var done = Self.entry(3, .succeeded, requestNo: "R3", code: "SUCCESS")
        done.fields = ["transactionId": "T3"]
        let later = [done, Self.entry(2, .unknown, requestNo: "R2", code: "INTERRUPTED"), Self.entry(4, .pending)]
        for entry in later { try index.apply(entry, at: try await resumed.append(entry)) }

        let file = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(file.contains("T-TORN"), "the torn line was cut")
        let expected = try foldedFromFile()
        for reloaded in [index, try JournalIndex.load(path: path)] {
            XCTAssertEqual(reloaded.rows.map(\.line), [2, 3, 4])
            for line in 2...4 {
                XCTAssertEqual(try reloaded.record(line), expected[line], "line \(line) reads back its own entries")
                XCTAssertEqual(try reloaded.finalRecord(line)?.code, expected[line]?.code, "line \(line)")
            }
            XCTAssertEqual(try reloaded.finalRecord(2)?.state, .unknown)
            XCTAssertEqual(try reloaded.finalRecord(3)?.fields["transactionId"], "T3")
            XCTAssertTrue(try reloaded.claimedTransactionIds.contains("T3"))
        }
    }

    func testALastLineWithItsLFIsAppliedAndAnUnterminatedOneOfAnyLengthIsCut() async throws {
        let journal = try Journal(path: path)
        try await journal.append(Self.entry(2, .pending))
        let intactSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try appendTornTail(String(repeating: "x", count: 10_000), to: path)  // longer than one read chunk
        XCTAssertEqual(try InterruptedWrite.extent(path: path).intact, UInt64(intactSize))
        XCTAssertEqual(try JournalIndex.load(path: path).summary(2)?.state, .pending)
        _ = try Journal(path: path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, intactSize)
        XCTAssertFalse(try JournalIndex.load(path: path).hadTornLine)
    }
}
