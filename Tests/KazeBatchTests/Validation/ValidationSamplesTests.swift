// Tests over the real files in samples/: every valid sample passes, and the invalid samples
// produce exactly the documented errors on the documented lines — every error code at least once.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ValidationSamplesTests: XCTestCase {
    func testEveryValidSamplePasses() throws {
        let samples: [(APIOperation, String, Int)] = [
            (.kyc, "kyc.csv", 3), (.kycStatus, "kyc-status.csv", 3), (.assign, "assign.csv", 3),
            (.activate, "activate.csv", 1), (.setPin, "set-pin.csv", 5), (.card, "card.csv", 3),
            (.balance, "balance.csv", 3), (.recharge, "recharge.csv", 10), (.recharge, "recharge.jsonl", 2),
            (.transactions, "transactions.jsonl", 2), (.setStatus, "set-status.csv", 2), (.close, "close.csv", 1),
        ]
        for (operation, name, count) in samples {
            let outcomes = try ValidationTestFiles.outcomes(operation, ValidationTestFiles.sample(name))
            XCTAssertEqual(outcomes.count, count, name)
            XCTAssertEqual(outcomes.flatMap(\.issues), [], name)
        }
    }

    func testKycSampleKeepsImagesOnDiskAndBuildsTheRequest() async throws {
        let outcomes = try ValidationTestFiles.outcomes(.kyc, ValidationTestFiles.sample("kyc.csv"))
        guard case .valid(let bob) = outcomes[1] else { return XCTFail("\(outcomes[1])") }
        XCTAssertEqual(bob.body["addressLine"], .string("221 Baker Street, Apt \"B\""))
        XCTAssertEqual(Set(bob.images.keys), ["frontImgBase64", "backImgBase64", "handheldImgBase64"])
        XCTAssertEqual(bob.images["backImgBase64"], ValidationTestFiles.sample("images/id-back.png").standardizedFileURL)
        let body = try await bob.requestBody(maxImageBytes: 5 << 20)
        XCTAssertEqual(body.keys, APIOperation.kyc.requestFields)
        XCTAssertTrue(body["backImgBase64"]?.stringValue?.hasPrefix("data:image/png;base64,iVBORw0KGgo") == true)
        XCTAssertTrue(body["frontImgBase64"]?.stringValue?.hasPrefix("data:image/png;base64,") == true)
        guard case .valid(let ann) = outcomes[0] else { return XCTFail("\(outcomes[0])") }
        XCTAssertEqual(Set(ann.images.keys), ["frontImgBase64", "handheldImgBase64"])
        let annBody = try await ann.requestBody(maxImageBytes: 5 << 20)
        XCTAssertTrue(annBody["frontImgBase64"]?.stringValue?.hasPrefix("data:image/jpeg;base64,/9j/") == true)
    }

    func testInvalidKycSample() throws {
        let outcomes = try ValidationTestFiles.outcomes(.kyc, ValidationTestFiles.sample("invalid/kyc.csv"))
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes),
            [
                "2 email email", "2 firstName required",
                "3 mobilePrefix digits", "3 mobilePrefixCountry country_code", "3 lastName english", "3 addressLine too_long",
                "3 countryCode country_code",
                "4 dateOfBirth date", "4 identificationType enum", "4 identificationExpiryDate date",
                "5 frontImgPath image_missing", "5 backImgPath required", "5 handheldImgPath image_type",
                "6 frontImgPath image_too_large",
                "8  duplicate",
            ])
        XCTAssertEqual(outcomes.map(\.ref).last, "duplicate-email")
        XCTAssertEqual(outcomes.last?.issues.first?.message, "same email as the record on line 7 (use --allow-duplicates if intended)")
    }

    func testInvalidAssignSampleNeverEchoesACardNumber() throws {
        let outcomes = try ValidationTestFiles.outcomes(.assign, ValidationTestFiles.sample("invalid/assign.csv"))
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes),
            [
                "2 cardNumber card_number", "3 cardNumber luhn", "4 autoActive boolean", "6  duplicate",
            ])
        for issue in outcomes.flatMap(\.issues) {
            XCTAssertFalse(issue.message.contains("5399990000000017"), issue.message)
            XCTAssertFalse(issue.message.contains("5399 9900"), issue.message)
        }
        XCTAssertEqual(outcomes[1].issues.first?.message, "cardNumber 539999******0017 fails the Luhn check")
    }

    func testInvalidSetPinAndSetStatusSamplesNeverEchoAPin() throws {
        let pins = try ValidationTestFiles.outcomes(.setPin, ValidationTestFiles.sample("invalid/set-pin.csv"))
        XCTAssertEqual(ValidationTestFiles.issueKeys(pins), ["2 pin pin", "3 pin pin"])
        XCTAssertTrue(pins.flatMap(\.issues).allSatisfy { !$0.message.contains("12345") && !$0.message.contains("12a456") })
        let statuses = try ValidationTestFiles.outcomes(.setStatus, ValidationTestFiles.sample("invalid/set-status.csv"))
        XCTAssertEqual(ValidationTestFiles.issueKeys(statuses), ["2 status enum", "3 cardID hidden_character"])
    }

    func testInvalidRechargeSample() throws {
        let outcomes = try ValidationTestFiles.outcomes(.recharge, ValidationTestFiles.sample("invalid/recharge.csv"))
        XCTAssertEqual(outcomes.map(\.line), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13])
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes),
            [
                "2 amount amount", "3 currency currency", "4 amount amount", "5 cardID required", "6  csv_syntax",
                "7  csv_syntax", "8 ref encoding", "10  duplicate", "13  csv_syntax",
            ])
        XCTAssertEqual(outcomes[9].ref, "two-line\nref")
        XCTAssertTrue(outcomes[9].issues.isEmpty)
        var summary = ValidationSummary(operation: .recharge)
        outcomes.forEach { summary.add($0) }
        XCTAssertEqual(summary.totalsText, ["USD:25.00"])
        XCTAssertEqual(summary.issueCounts["csv_syntax"], 3)
    }

    func testInvalidRechargeHeaderSample() throws {
        let outcomes = try ValidationTestFiles.outcomes(.recharge, ValidationTestFiles.sample("invalid/recharge-unknown-column.csv"))
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes),
            [
                "1 amout unknown_column", "1 amount required", "1 amout unknown_column", "1 amount required",
            ])
    }

    func testInvalidTransactionsSample() throws {
        let outcomes = try ValidationTestFiles.outcomes(.transactions, ValidationTestFiles.sample("invalid/transactions.jsonl"))
        XCTAssertEqual(
            ValidationTestFiles.issueKeys(outcomes),
            [
                "1 pageSize range", "2 pageNum range", "3 transactionStartTime datetime", "4 transactionStartTime time_order",
                "6  json_syntax", "7  json_syntax", "8 cardID type", "9 colour unknown_column", "10  encoding",
            ])
        XCTAssertEqual(outcomes.last?.line, 11)
        XCTAssertTrue(outcomes.last?.issues.isEmpty == true)
    }

    func testTheInvalidSamplesShowEveryErrorCode() throws {
        let files: [(APIOperation, String)] = [
            (.kyc, "kyc.csv"), (.assign, "assign.csv"), (.setPin, "set-pin.csv"), (.setStatus, "set-status.csv"),
            (.recharge, "recharge.csv"), (.recharge, "recharge-unknown-column.csv"), (.transactions, "transactions.jsonl"),
        ]
        var codes: Set<String> = []
        for (operation, name) in files {
            let outcomes = try ValidationTestFiles.outcomes(operation, ValidationTestFiles.sample("invalid/\(name)"))
            codes.formUnion(outcomes.flatMap(\.issues).map(\.code))
        }
        XCTAssertEqual(codes, Set(IssueCode.allCases.map(\.rawValue)))
        let readme = try String(contentsOf: ValidationTestFiles.sample("invalid/README.md"), encoding: .utf8)
        for code in IssueCode.allCases { XCTAssertTrue(readme.contains("`\(code.rawValue)`"), code.rawValue) }
    }

    func testAllowDuplicatesAcceptsRepeats() throws {
        let outcomes = try ValidationTestFiles.outcomes(.assign, ValidationTestFiles.sample("invalid/assign.csv"), allowDuplicates: true)
        XCTAssertEqual(outcomes.filter { $0.issues.isEmpty }.map(\.line), [5, 6])
    }
}

extension ValidationSamplesTests {
    func testSamplesReadmeListsTheColumnsOfEveryOperation() throws {
        let readme = try String(contentsOf: ValidationTestFiles.sample("README.md"), encoding: .utf8)
        for operation in APIOperation.allCases {
            let prefix = "| \(operation.batchName) | \(operation.apiCode) | "
            let row = try XCTUnwrap(readme.split(separator: "\n").first { $0.hasPrefix(prefix) }, operation.batchName)
            let cells = row.dropFirst(prefix.count).split(separator: "|")
            let names = cells[0].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            let schema = OperationSchema(operation: operation)
            XCTAssertEqual(names, schema.columnNames, operation.batchName)
            let required = schema.columns.filter { $0.requirement == .required }.map { "`\($0.name)`*" }
            for column in required { XCTAssertTrue(cells[0].contains(column), "\(operation.batchName) \(column)") }
            XCTAssertEqual(cells[0].components(separatedBy: "`*").count - 1, required.count, operation.batchName)
        }
    }
}
