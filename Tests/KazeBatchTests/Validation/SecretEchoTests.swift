// SecretEchoTests: validation messages never repeat a secret value — an activation code with a
// non-ASCII character used to be quoted in its `english` error, and a file without its header
// row used to echo its first record's card number or PIN as unknown column names.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class SecretEchoTests: XCTestCase {
    private func errorsFile(_ operation: APIOperation, _ csv: String) throws -> String {
        let folder = try TemporaryFolder()
        addTeardownBlock { folder.remove() }
        let input = URL(fileURLWithPath: folder.path("in.csv"))
        try Data(csv.utf8).write(to: input)
        let errors = URL(fileURLWithPath: folder.path("errors.csv"))
        let validator = BatchValidator(operation: operation, file: input, format: .csv, options: ValidationOptions())
        _ = try validator.validate(writingErrorsTo: errors)
        return try String(contentsOf: errors, encoding: .utf8)
    }

    func testActivationCodeIsNeverEchoed() throws {
        let errors = try errorsFile(
            .activate, "cardID,activationCode,ref\nSB000001,98765\u{E9},a\nSB000002,\(String(repeating: "7", count: 70)),b\n")
        XCTAssertEqual(
            errors,
            """
            line,ref,field,code,message
            2,a,activationCode,english,activationCode must be English text (printable ASCII characters only)
            3,b,activationCode,too_long,activationCode is 70 characters; at most 64 allowed

            """)
        XCTAssertFalse(errors.contains("98765"))
    }

    func testOtherTextFieldsStillNameTheBadValue() throws {
        let errors = try errorsFile(.activate, "cardID,activationCode,ref\nSB00000\u{E9},123456,a\n")
        XCTAssertTrue(errors.contains("cardID 'SB00000\u{E9}' must be English text"), errors)
    }

    func testPinAndCardNumberAreNeverEchoed() throws {
        let pins = try errorsFile(.setPin, "cardID,pin,ref\nSB000001,48291\u{E9},a\nSB000002,4829133,b\n")
        XCTAssertFalse(pins.contains("48291"), pins)
        let cards = try errorsFile(
            .assign, "email,cardNumber,autoActive,ref\na@example.com,5399990000000019,true,a\nb@example.com,53999900000000181,true,b\n")
        XCTAssertFalse(cards.contains("5399990000000019"), cards)
        XCTAssertFalse(cards.contains("53999900000000181"), cards)
        XCTAssertTrue(cards.contains("539999******0019"), cards)
    }

    func testAHeaderlessFileDoesNotEchoItsFirstRowAsColumnNames() throws {
        let cards = try errorsFile(.assign, "ann@example.com,5399990000000018,true\nbob@example.com,5399990000000026,true\n")
        XCTAssertFalse(cards.contains("5399990000000018"), cards)
        XCTAssertTrue(
            cards.contains(
                "1,,################,unknown_column,\"column '################' is not a assign column"
                    + " (digits hidden; is the header row missing?) (columns: email, cardNumber, autoActive, ref)\""), cards)
        XCTAssertTrue(cards.contains("1,,ann@example.com,unknown_column,"), "names without digits are shown as written")
        let pins = try errorsFile(.setPin, "SB000001,482913\nSB000002,111111\n")
        XCTAssertFalse(pins.contains("482913"), pins)
        XCTAssertTrue(pins.contains("1,,######,unknown_column,"), pins)
    }

    func testHeaderProblemsAreOneErrorEachAtLineOneHoweverManyRecords() throws {
        let rows = (1...500).map { "SB\($0),10.00,USD,red,r\($0),\($0 == 7 ? "x" : "")" }.joined(separator: "\n")
        let errors = try errorsFile(.recharge, "cardID,amout,currency,colour,ref,\n" + rows + "\n")
        let lines = errors.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(lines.count, 4, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("1,,") }, "all at the header's line")
        XCTAssertEqual(
            Set(lines.map { CSVText.fields($0)[2...3].joined(separator: " ") }),
            ["amout unknown_column", "colour unknown_column", " unknown_column", "amount required"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = URL(fileURLWithPath: folder.path("in.csv"))
        try Data(("cardID,amout,currency,colour,ref,\n" + rows + "\n").utf8).write(to: input)
        let summary = try BatchValidator(operation: .recharge, file: input, format: .csv, options: ValidationOptions())
            .validate(writingErrorsTo: URL(fileURLWithPath: folder.path("errors.csv")))
        XCTAssertEqual(summary.invalid, 500, "every record is still invalid")
        XCTAssertEqual(summary.issueCounts, ["unknown_column": 3, "required": 1], "each header problem counted once")
    }
}
