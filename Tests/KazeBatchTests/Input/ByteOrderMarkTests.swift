// ByteOrderMarkTests: a UTF-8 byte order mark is skipped however the file arrives — regression
// tests for the inputs `make fuzz` found (Fixtures/fuzz-bom-short-reads.*): the readers looked
// for the mark in the first read only, so reads shorter than three bytes kept it in the first
// column name or key.

import XCTest

@testable import KazeBatch

final class ByteOrderMarkTests: XCTestCase {
    /// Every CSV record of `path` as text, `readSize` bytes per read.
    private func csvRecords(_ path: String, readSize: Int) throws -> [String] {
        var reader = CSVReader(source: try ByteSource(path: path, readSize: readSize))
        var row = CSVRow()
        var result: [String] = []
        while try reader.next(into: &row) {
            let fields = (0..<row.fieldCount).map { String(decoding: row.field($0), as: UTF8.self) }
            result.append("\(row.line) \(fields) \(row.problem ?? "-")")
        }
        return result
    }

    /// Every non-blank JSONL line of `path` as text, `readSize` bytes per read.
    private func jsonlLines(_ path: String, readSize: Int) throws -> [String] {
        var reader = JSONLReader(source: try ByteSource(path: path, readSize: readSize))
        var bytes: [UInt8] = []
        var tooLong = false
        var result: [String] = []
        while let line = try reader.next(into: &bytes, tooLong: &tooLong) {
            result.append("\(line) \(String(decoding: bytes, as: UTF8.self))")
        }
        return result
    }

    func testCSVWithAMarkReadsTheSameInChunksOfAnySize() throws {
        let path = try ValidationTestFiles.fixture("fuzz-bom-short-reads.csv").path
        let whole = try csvRecords(path, readSize: ByteSource.chunkSize)
        XCTAssertEqual(whole.first, "1 [\"cardID\", \"currency\", \"amount\", \"ref\"] -")
        XCTAssertEqual(whole.count, 4)
        for readSize in 1...7 {
            XCTAssertEqual(try csvRecords(path, readSize: readSize), whole, "read size \(readSize)")
        }
    }

    func testJSONLWithAMarkReadsTheSameInChunksOfAnySize() throws {
        let path = try ValidationTestFiles.fixture("fuzz-bom-short-reads.jsonl").path
        let whole = try jsonlLines(path, readSize: ByteSource.chunkSize)
        XCTAssertEqual(whole.first?.hasPrefix("1 {\"cardID\""), true, "\(whole)")
        for readSize in 1...7 {
            XCTAssertEqual(try jsonlLines(path, readSize: readSize), whole, "read size \(readSize)")
        }
    }

    func testAFileThatIsOnlyAMarkThenDataIsNotCutShort() throws {
        let url = try ValidationTestFiles.write([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8), named: "mark.csv", for: self)
        for readSize in [1, 2, 3, ByteSource.chunkSize] {
            XCTAssertEqual(
                try csvRecords(url.path, readSize: readSize), ["1 [\"a\", \"b\"] -", "2 [\"1\", \"2\"] -"], "read size \(readSize)")
        }
        let markOnly = try ValidationTestFiles.write([0xEF, 0xBB, 0xBF], named: "mark-only.csv", for: self)
        XCTAssertEqual(try csvRecords(markOnly.path, readSize: 1), [])
    }

    func testAMarkIsNotSkippedInTheMiddleOrWhenIncomplete() throws {
        let url = try ValidationTestFiles.write(
            [0xEF, 0xBB] + Array("a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b\n".utf8),
            named: "partial.csv", for: self)
        for readSize in [1, 2, ByteSource.chunkSize] {
            let records = try csvRecords(url.path, readSize: readSize)
            XCTAssertEqual(records, ["1 [\"\u{FFFD}a\"] -", "2 [\"\u{FEFF}b\"] -"], "read size \(readSize)")
        }
    }
}
