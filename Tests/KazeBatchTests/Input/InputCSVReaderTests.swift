// Tests for the streaming CSV reader: RFC 4180 quoting, line ends, BOM, physical line numbers,
// malformed records and recovery, chunk boundaries and the record size cap.

import XCTest

@testable import KazeBatch

final class InputCSVReaderTests: XCTestCase {
    private struct Record: Equatable {
        let line: Int
        let fields: [String]
        let problem: String?
    }

    private func records(_ bytes: [UInt8]) throws -> [Record] {
        let url = try ValidationTestFiles.write(bytes, named: "input.csv", for: self)
        var reader = CSVReader(source: try ByteSource(path: url.path))
        var row = CSVRow()
        var result: [Record] = []
        while try reader.next(into: &row) {
            let fields = (0..<row.fieldCount).map { String(decoding: row.field($0), as: UTF8.self) }
            result.append(Record(line: row.line, fields: row.problem == nil ? fields : [], problem: row.problem))
        }
        return result
    }

    private func records(_ text: String) throws -> [Record] { try records(Array(text.utf8)) }

    func testQuotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let parsed = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,end\n")
        XCTAssertEqual(
            parsed,
            [
                Record(line: 1, fields: ["a", "b", "c"], problem: nil),
                Record(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"], problem: nil),
                Record(line: 4, fields: ["plain", "", "end"], problem: nil),
            ])
    }

    func testCRLFAndBareCRAndMissingFinalNewline() throws {
        let parsed = try records("a,b\r\n1,\"x\r\ny\"\r\n2,z\r3,w")
        XCTAssertEqual(parsed.map(\.line), [1, 2, 4, 5])
        XCTAssertEqual(parsed[1].fields, ["1", "x\r\ny"])
        XCTAssertEqual(parsed[2].fields, ["2", "z"])
        XCTAssertEqual(parsed[3].fields, ["3", "w"])
    }

    func testByteOrderMarkIsSkippedAndBlankLinesIgnored() throws {
        let parsed = try records([0xEF, 0xBB, 0xBF] + Array("id,amount\n\n1,2\n   \n\n3,4\n\n".utf8))
        XCTAssertEqual(
            parsed,
            [
                Record(line: 1, fields: ["id", "amount"], problem: nil),
                Record(line: 3, fields: ["1", "2"], problem: nil),
                Record(line: 6, fields: ["3", "4"], problem: nil),
            ])
    }

    func testSpacesAroundQuotedFieldsAreAllowedAndEmptyTrailingFieldKept() throws {
        let parsed = try records("a,b,c\n  \"q\"  , x ,\n")
        XCTAssertEqual(parsed[1].fields, ["q", "x ", ""])
    }

    func testStrayQuoteAndTextAfterClosingQuoteAreErrorsAndReadingGoesOn() throws {
        let parsed = try records("a,b\nab\"c,d\n\"x\"y,z\nok,1\n")
        XCTAssertEqual(parsed.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(parsed[1].problem, "a quote inside an unquoted field (quote the whole field and double the quote)")
        XCTAssertEqual(parsed[2].problem, "text after the closing quote of a quoted field")
        XCTAssertEqual(parsed[3], Record(line: 4, fields: ["ok", "1"], problem: nil))
    }

    func testUnterminatedQuoteIsReportedOnTheLineItOpened() throws {
        let parsed = try records("a,b\n1,2\n3,\"open\n4,5\n")
        XCTAssertEqual(parsed.count, 3)
        XCTAssertEqual(parsed[2].line, 3)
        XCTAssertEqual(parsed[2].problem, "unterminated quote: the quoted field opened on this record runs to the end of the file")
    }

    func testRecordsSpanningChunkBoundariesAreIntact() throws {
        var text = "id,note\n"
        var expected: [String] = []
        for index in 0..<25_000 {
            let note = index % 7 == 0 ? "\"multi\r\nline, \"\"\(index)\"\"\"" : "note-\(index)-" + String(repeating: "x", count: index % 50)
            text += "\(index),\(note)\r\n"
            expected.append(index % 7 == 0 ? "multi\r\nline, \"\(index)\"" : "note-\(index)-" + String(repeating: "x", count: index % 50))
        }
        XCTAssertGreaterThan(text.utf8.count, 2 * ByteSource.chunkSize)
        let parsed = try records(text)
        XCTAssertEqual(parsed.count, 25_001)
        XCTAssertEqual(parsed.dropFirst().map { $0.fields[1] }, expected)
        var line = 2
        for (index, record) in parsed.dropFirst().enumerated() {
            XCTAssertEqual(record.line, line)
            line += index % 7 == 0 ? 2 : 1
        }
    }

    func testOverlongRecordIsAnErrorNotAMemoryGrab() throws {
        let big = String(repeating: "y", count: CSVReader.maxRecordBytes + 10)
        let parsed = try records("a,b\n1,\(big)\n2,\"\(big)\"\n3,ok\n")
        XCTAssertEqual(parsed.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(parsed[1].problem, "the record is longer than 1024 KiB")
        XCTAssertEqual(parsed[2].problem, "the record is longer than 1024 KiB")
        XCTAssertEqual(parsed[3].fields, ["3", "ok"])
    }

    func testMissingFileIsAnInputError() {
        XCTAssertThrowsError(try ByteSource(path: "/nonexistent/kazebatch/input.csv")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/kazebatch/input.csv: cannot open the file"), "\(error)")
        }
    }
}
