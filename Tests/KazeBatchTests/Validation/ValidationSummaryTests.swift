// Tests for the summary built while streaming, exact money totals, the operator report and the
// errors CSV file (always written, atomically, mode 0600, formula-safe).

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ValidationSummaryTests: XCTestCase {
    func testTotalsAreExactPerCurrencyAndOnlyForValidRecords() throws {
        var lines = ["cardID,currency,amount"]
        for index in 0..<1000 { lines.append("SB\(index),USD,0.10") }
        lines += ["SB1,EUR,999999999999999.99", "SB2,EUR,0.01", "SB3,USD,1.001", "SB4,GBP,-3"]
        let url = try ValidationTestFiles.write(lines.joined(separator: "\n"), named: "r.csv", for: self)
        var summary = ValidationSummary(operation: .recharge)
        try ValidationTestFiles.outcomes(.recharge, url).forEach { summary.add($0) }
        XCTAssertEqual(summary.records, 1004)
        XCTAssertEqual(summary.valid, 1002)
        XCTAssertEqual(summary.invalid, 2)
        XCTAssertEqual(summary.issueCounts, ["amount": 2])
        XCTAssertEqual(summary.totalsText, ["EUR:1000000000000000.00", "USD:100.00"])
        XCTAssertEqual(summary.totals["USD"], Decimal(100))
        XCTAssertEqual(summary.totals["EUR"], Decimal(string: "1000000000000000"))
    }

    func testMoneyTotalSpillsIntoDecimalOnOverflow() {
        var total = MoneyTotal()
        for _ in 0..<200 { total.add(cents: 99_999_999_999_999_999) }
        total.add(cents: 1)
        XCTAssertEqual(total.text, "199999999999999998.01")
        XCTAssertEqual(total.decimal, Decimal(string: "199999999999999998.01"))
        XCTAssertEqual(MoneyTotal().text, "0.00")
        var small = MoneyTotal()
        small.add(cents: 5)
        XCTAssertEqual(small.text, "0.05")
    }

    func testReportListsCountsCodesTotalsAndTheErrorsFile() throws {
        var summary = ValidationSummary(operation: .recharge)
        try ValidationTestFiles.outcomes(.recharge, ValidationTestFiles.sample("invalid/recharge.csv")).forEach { summary.add($0) }
        XCTAssertEqual(
            summary.report(input: "in.csv", errorsPath: "in.errors.csv", topCodes: 3),
            """
            recharge in.csv
              records  11
              valid    2
              invalid  9
              errors   9 (csv_syntax 3, amount 2, currency 1, ...)
              totals   USD:25.00
              errors file: in.errors.csv
            """)
    }

    func testErrorsFileIsAlwaysWrittenPrivatelyAndAtomically() throws {
        let folder = try ValidationTestFiles.folder(for: self)
        let input = folder.appendingPathComponent("pins.csv")
        try Data("cardID,pin,ref\nSB1,123456,ok\nSB2,12,\"=HYPERLINK(\"\"x\"\")\"\n".utf8).write(to: input)
        let errorsURL = ErrorsFile.defaultURL(forInput: input)
        XCTAssertEqual(errorsURL.lastPathComponent, "pins.errors.csv")
        let options = ValidationOptions(now: ValidationTestFiles.now)
        let summary = try BatchValidator(operation: .setPin, file: input, format: .csv, options: options)
            .validate(writingErrorsTo: errorsURL)
        XCTAssertEqual(summary.invalid, 1)
        XCTAssertEqual(
            try String(contentsOf: errorsURL, encoding: .utf8),
            """
            line,ref,field,code,message
            3,"'=HYPERLINK(""x"")",pin,pin,pin must be exactly 6 digits

            """)
        let permissions = try FileManager.default.attributesOfItem(atPath: errorsURL.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["pins.csv", "pins.errors.csv"])

        try Data("cardID,pin\nSB1,123456\n".utf8).write(to: input)
        _ = try BatchValidator(operation: .setPin, file: input, format: .csv, options: options).validate(writingErrorsTo: errorsURL)
        XCTAssertEqual(try String(contentsOf: errorsURL, encoding: .utf8), "line,ref,field,code,message\n")
    }

    func testUnreadableInputLeavesNoErrorsFileBehind() throws {
        let folder = try ValidationTestFiles.folder(for: self)
        let input = folder.appendingPathComponent("empty.csv")
        try Data().write(to: input)
        let validator = BatchValidator(operation: .card, file: input, format: .csv, options: ValidationOptions())
        XCTAssertThrowsError(try validator.validate(writingErrorsTo: ErrorsFile.defaultURL(forInput: input)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["empty.csv"])
    }
}

extension ValidationSummaryTests {
    func testValidateCountsExactlyAsTheOutcomesDo() throws {
        for (operation, name) in [
            (APIOperation.recharge, "recharge.csv"), (.recharge, "invalid/recharge.csv"),
            (.recharge, "recharge.jsonl"), (.kyc, "invalid/kyc.csv"),
        ] {
            let file = ValidationTestFiles.sample(name)
            var fromOutcomes = ValidationSummary(operation: operation)
            try ValidationTestFiles.outcomes(operation, file).forEach { fromOutcomes.add($0) }
            let errors = try ValidationTestFiles.folder(for: self).appendingPathComponent("errors.csv")
            let validator = BatchValidator(
                operation: operation, file: file, format: try InputFormat.detect(path: file.path, override: nil),
                options: ValidationOptions(now: ValidationTestFiles.now))
            let fromValidate = try validator.validate(writingErrorsTo: errors)
            XCTAssertEqual(fromValidate.records, fromOutcomes.records, name)
            XCTAssertEqual(fromValidate.valid, fromOutcomes.valid, name)
            XCTAssertEqual(fromValidate.issueCounts, fromOutcomes.issueCounts, name)
            XCTAssertEqual(fromValidate.totalsText, fromOutcomes.totalsText, name)
        }
    }
}
