// Tests for turning CSV and JSONL files into records: headers, case-insensitive names, unknown
// columns, ragged rows, invalid UTF-8, JSONL value types, and the format choice.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class InputSourceTests: XCTestCase {
    func testFormatComesFromTheExtensionOrTheOverride() throws {
        XCTAssertEqual(try InputFormat.detect(path: "a/b.CSV", override: nil), .csv)
        XCTAssertEqual(try InputFormat.detect(path: "b.jsonl", override: nil), .jsonl)
        XCTAssertEqual(try InputFormat.detect(path: "b.txt", override: "JSONL"), .jsonl)
        XCTAssertThrowsError(try InputFormat.detect(path: "b.txt", override: nil)) {
            XCTAssertEqual(($0 as? InputError)?.path, "b.txt")
        }
        XCTAssertThrowsError(try InputFormat.detect(path: "b.csv", override: "xml"))
    }

    func testHeaderNamesMatchInAnyCaseAndValuesAreTrimmed() throws {
        let url = try ValidationTestFiles.write("CARDID, Amount ,currency,REF\n  SB1 ,\t10.50 ,,r1\n", named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        guard case .valid(let record) = try XCTUnwrap(outcomes.first) else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(record.line, 2)
        XCTAssertEqual(record.ref, "r1")
        XCTAssertEqual(record.body, JSONObject([("cardID", .string("SB1")), ("amount", .number("10.50"))]))
    }

    func testARowOfEmptyFieldsIsSkippedLikeABlankLineAnywhere() throws {
        let url = try ValidationTestFiles.write(
            "cardID,amount,currency,ref\n,,,\nSB1,1.00,USD,r1\n , ,\t,\n,,\nSB2,2.00,USD,r2\n,,,\n",
            named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(outcomes.map(\.line), [3, 6], "only the two real records, on their own lines")
        XCTAssertTrue(outcomes.allSatisfy { $0.issues.isEmpty }, "\(outcomes)")
    }

    func testBomAndCRLFFixtureReadsEveryRecord() throws {
        let outcomes = try ValidationTestFiles.outcomes(.recharge, try ValidationTestFiles.fixture("input-bom-crlf-recharge.csv"))
        XCTAssertEqual(outcomes.map(\.line), [2, 3, 5])
        XCTAssertEqual(outcomes.map(\.ref), ["crlf-1", "with\r\nbreak", "crlf-3"])
        XCTAssertTrue(outcomes.allSatisfy { $0.issues.isEmpty }, "\(outcomes)")
    }

    func testUnusableHeadersAreInputErrors() throws {
        let empty = try ValidationTestFiles.write("", named: "empty.csv", for: self)
        XCTAssertThrowsError(try ValidationTestFiles.outcomes(.card, empty)) { error in
            XCTAssertEqual("\(error)", "\(empty.path): the file is empty; a header row naming the columns is required")
        }
        let twice = try ValidationTestFiles.write("cardID,CardId\nA,B\n", named: "twice.csv", for: self)
        XCTAssertThrowsError(try ValidationTestFiles.outcomes(.card, twice)) { error in
            XCTAssertEqual((error as? InputError)?.problem, "line 1: column \"CardId\" appears twice in the header")
        }
        let broken = try ValidationTestFiles.write("cardID,\"ref\n", named: "broken.csv", for: self)
        XCTAssertThrowsError(try ValidationTestFiles.outcomes(.card, broken)) { error in
            XCTAssertTrue((error as? InputError)?.problem.hasPrefix("line 1: the header row is malformed") == true)
        }
        let badUTF8 = try ValidationTestFiles.write([0x63, 0xFF, 0x0A, 0x41, 0x0A], named: "bad.csv", for: self)
        XCTAssertThrowsError(try ValidationTestFiles.outcomes(.card, badUTF8))
    }

    func testUnknownColumnMakesEveryRecordInvalidButOtherFieldsAreStillChecked() throws {
        let url = try ValidationTestFiles.write("cardID,amount,colour\nSB1,10,red\nSB2,1.234,\n", named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes), ["1 colour unknown_column", "1 colour unknown_column", "3 amount amount"],
            "the header's problem spoils every record, named at the header's line")
        XCTAssertEqual(outcomes.flatMap(\.issues).map(\.isHeaderLevel), [true, true, false])
    }

    func testRaggedRowsAndInvalidUTF8AreErrorsOnTheirOwnRecords() throws {
        let bytes =
            Array("cardID,amount,ref\nSB1,10\nSB2,5,ok\nSB3,1,r\u{E9}f\n".utf8) + [0x53, 0x42, 0x34, 0x2C, 0x32, 0x2C, 0xC3, 0x28, 0x0A]
        let url = try ValidationTestFiles.write(bytes, named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["2  csv_syntax", "5 ref encoding"])
        XCTAssertEqual(outcomes[2].ref, "r\u{E9}f")
        XCTAssertEqual(outcomes[0].issues.first?.message, "the record has 2 fields but the header has 3")
    }

    func testJSONLValuesKeysAndErrors() throws {
        let lines = [
            #"{"CARDID":"SB1","amount":10.50,"currency":"EUR","ref":"a"}"#,
            "",
            #"{"cardID":"SB2","amount":"7","currency":null}"#,
            #"{"cardID":"SB3","amount":1,"cardid":"SB4"}"#,
            #"{"cardID":true,"amount":[1]}"#,
            #"[1,2]"#,
            #"{"cardID":"SB5","amount":2"#,
        ]
        let url = try ValidationTestFiles.write(lines.joined(separator: "\r\n"), named: "r.jsonl", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(outcomes.map(\.line), [1, 3, 4, 5, 6, 7])
        guard case .valid(let first) = outcomes[0], case .valid(let second) = outcomes[1] else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(first.body, JSONObject([("cardID", .string("SB1")), ("currency", .string("EUR")), ("amount", .number("10.50"))]))
        XCTAssertEqual(second.body, JSONObject([("cardID", .string("SB2")), ("amount", .number("7"))]))
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes), ["4 cardid json_syntax", "5 amount type", "6  json_syntax", "7  json_syntax"])
    }

    func testJSONLInvalidUTF8IsAnEncodingError() throws {
        let url = try ValidationTestFiles.write(Array(#"{"cardID":"S"#.utf8) + [0xFE] + Array("\"}\n".utf8), named: "c.jsonl", for: self)
        XCTAssertEqual(ValidationTestFiles.issueKeys(try ValidationTestFiles.outcomes(.card, url)), ["1  encoding"])
    }
}

extension InputSourceTests {
    func testUnnamedColumnsAreErrorsOnlyWhereTheyHoldData() throws {
        let url = try ValidationTestFiles.write("cardID,amount,,\nSB1,10,,\nSB2,20, x ,\nSB3,30,,\n", named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["1  unknown_column"])
        XCTAssertEqual(outcomes[1].issues.first?.message, "a column with no name in the header holds data (name it or remove it)")
    }
}

extension InputSourceTests {
    private struct Stop: Error {}

    func testACallerThatThrowsStopsTheRunAtThatRecord() throws {
        let url = try ValidationTestFiles.write(
            (["cardID"] + (1...5_000).map { "SB\($0)" }).joined(separator: "\n"),
            named: "c.csv", for: self)
        XCTAssertEqual(try ValidationTestFiles.outcomes(.card, url).map(\.line), Array(2...5_001))
        var seen = 0
        let validator = BatchValidator(operation: .card, file: url, format: .csv, options: ValidationOptions())
        XCTAssertThrowsError(
            try validator.forEachRecord { _ in
                seen += 1
                if seen == 1_500 { throw Stop() }
            }
        ) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 1_500)
    }
}

extension InputSourceTests {
    func testOverlongJSONLLineIsAnErrorAndTheNextLineIsRead() throws {
        let long = #"{"cardID":""# + String(repeating: "x", count: JSONLReader.maxLineBytes) + #""}"#
        let url = try ValidationTestFiles.write(long + "\n" + #"{"cardID":"SB1"}"# + "\n", named: "c.jsonl", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.card, url)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["1  json_syntax"])
        XCTAssertEqual(outcomes.map(\.line), [1, 2])
    }

    func testHeaderOnlyFileHasNoRecords() throws {
        let url = try ValidationTestFiles.write("\u{FEFF}cardID,ref\r\n", named: "c.csv", for: self)
        XCTAssertEqual(try ValidationTestFiles.outcomes(.card, url).count, 0)
    }
}
