// HostileInput+FieldTextTests: values with invisible characters. Values are trimmed of ASCII
// spaces and tabs only, in every record alike (whether or not another field is non-ASCII); a
// control character, an invisible format character or a non-ASCII space in any field but `ref`
// is a `hidden_character` error naming it (`U+200B`) and its position, shown escaped in the
// message; `ref` keeps whatever it holds.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class HostileInputFieldTextTests: XCTestCase {
    /// The outcomes of validating `rows` (after the header `cardID,amount,ref`) as recharges.
    private func recharges(_ rows: String, format: InputFormat = .csv) throws -> [ValidationResult] {
        let text = format == .csv ? "cardID,amount,ref\n" + rows : rows
        let file = try ValidationTestFiles.write(text, named: format == .csv ? "in.csv" : "in.jsonl", for: self)
        return try ValidationTestFiles.outcomes(.recharge, file)
    }

    private func onlyIssue(_ outcomes: [ValidationResult], file: StaticString = #filePath, line: UInt = #line) throws -> RecordIssue {
        XCTAssertEqual(outcomes.count, 1, file: file, line: line)
        let issues = outcomes.flatMap(\.issues)
        XCTAssertEqual(issues.count, 1, "\(issues)", file: file, line: line)
        return try XCTUnwrap(issues.first, file: file, line: line)
    }

    func testAZeroWidthSpaceInAnAmountIsNamedWithItsPosition() throws {
        let issue = try onlyIssue(try recharges("SB000001,10\u{200B},r1\n"))
        XCTAssertEqual(issue.field, "amount")
        XCTAssertEqual(issue.code, "hidden_character")
        XCTAssertEqual(
            issue.message,
            "amount '10<U+200B>' has U+200B (an invisible format character) at position 3;"
                + " only ref may hold control characters, invisible characters or non-ASCII spaces")
    }

    func testAVerticalTabInACardIDIsAnErrorWhetherOrNotAnotherFieldIsNonASCII() throws {
        for ref in ["r1", "ré"] {
            let issue = try onlyIssue(try recharges("SB1\u{0B},123456,\(ref)\n"))
            XCTAssertEqual(issue.field, "cardID", ref)
            XCTAssertEqual(issue.code, "hidden_character", ref)
            XCTAssertTrue(
                issue.message.hasPrefix("cardID 'SB1<U+000B>' has U+000B (a control character) at position 4;"),
                issue.message)
        }
    }

    func testSpacesAndTabsAreTrimmedInEveryRecordAlike() throws {
        for ref in ["r1", "ré"] {
            let outcomes = try recharges(" SB000001\t,\t10.50 ,\(ref)\t\n")
            guard case .valid(let record)? = outcomes.first else { return XCTFail("\(outcomes)") }
            XCTAssertEqual(record.cardID, "SB000001", ref)
            XCTAssertEqual(record.amount?.text, "10.50", ref)
            XCTAssertEqual(record.ref, ref)
        }
    }

    func testANonBreakingSpaceInACardIDIsAnErrorNotTrimmed() throws {
        for cardID in ["SB\u{A0}000001", "SB000001\u{A0}", "\u{3000}SB000001"] {
            let issue = try onlyIssue(try recharges("\(cardID),10,r1\n"))
            XCTAssertEqual(issue.field, "cardID")
            XCTAssertEqual(issue.code, "hidden_character")
            XCTAssertTrue(issue.message.contains("(a non-ASCII space) at position"), issue.message)
        }
    }

    func testRefKeepsControlAndInvisibleCharactersExactly() throws {
        let ref = "a\u{07}b\u{200B}c\u{1B}[31m"
        let outcomes = try recharges("SB000001,10,\"\(ref)\"\n")
        guard case .valid(let record)? = outcomes.first else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(record.ref, ref)
    }

    func testJSONLValuesFollowTheSameRules() throws {
        let outcomes = try recharges(#"{"cardID":"SB000001\t","amount":"10\u2060","ref":"r\u0007"}"# + "\n", format: .jsonl)
        let issue = try onlyIssue(outcomes)
        XCTAssertEqual(issue.field, "amount")
        XCTAssertEqual(issue.ref, "r\u{07}")
        XCTAssertTrue(issue.message.contains("U+2060 (an invisible format character) at position 3"), issue.message)
    }

    func testASecretIsNeverEchoedWithItsHiddenCharacter() throws {
        let record = try FieldsRecord(
            operation: .setPin, fields: [("cardID", "SB000001"), ("pin", "12\u{200B}3456")],
            folder: FileManager.default.temporaryDirectory)
        let issue = try XCTUnwrap(record.outcome.issues.first)
        XCTAssertEqual(issue.code, "hidden_character")
        XCTAssertEqual(
            issue.message,
            "pin has U+200B (an invisible format character) at position 3;"
                + " only ref may hold control characters, invisible characters or non-ASCII spaces")
    }

    func testCallTrimsSpacesAndTabsOnlyLikeAFile() throws {
        let trimmed = try FieldsRecord(
            operation: .card, fields: [("cardID", "\tSB000001 ")],
            folder: FileManager.default.temporaryDirectory)
        guard case .valid(let record) = trimmed.outcome else { return XCTFail("\(trimmed.outcome)") }
        XCTAssertEqual(record.cardID, "SB000001")
        let nbsp = try FieldsRecord(
            operation: .card, fields: [("cardID", "SB000001\u{A0}")],
            folder: FileManager.default.temporaryDirectory)
        XCTAssertEqual(nbsp.outcome.issues.map(\.code), ["hidden_character"])
    }

    func testValidateExitsThreeAndPrintsNoRawControlCharacter() throws {
        _ = try KazebatchBinary.require()
        let folder = try temporaryFolder()
        let input = folder.path("in.csv")
        try Data("cardID,amount,ref\nSB1\u{0B},10\u{200B},r\u{1B}]0;title\u{07}\n".utf8).write(to: URL(fileURLWithPath: input))
        let result = try KazebatchChild.run(["validate", "recharge", input], limit: 60)
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertFalse(
            (result.stdout + result.stderr).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" },
            result.stdout + result.stderr)
        let errors = try String(contentsOfFile: folder.path("in.errors.csv"), encoding: .utf8)
        XCTAssertTrue(errors.contains("cardID,hidden_character,\"cardID 'SB1<U+000B>' has U+000B"), errors)
        XCTAssertTrue(errors.contains("amount,hidden_character,\"amount '10<U+200B>' has U+200B"), errors)
    }
}
