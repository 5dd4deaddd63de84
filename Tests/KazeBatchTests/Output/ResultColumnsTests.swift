// Every operation's results columns, run against the in-process sandbox with the samples:
// the fixed header, the request fields as the input gave them (card numbers masked, PINs and
// activation codes never), the response fields, `time`; INVALID rows echo the input safely.

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class ResultColumnsTests: XCTestCase {
    private static let outcome = "line,ref,op,outcome,code,detail,requestNo,attempts,"
    /// The documented header of every operation (README "Results file").
    private static let headers: [APIOperation: String] = [
        .kyc: "email,mobileNumber,mobilePrefix,mobilePrefixCountry,firstName,lastName,dateOfBirth,addressLine,city,"
            + "countryCode,postCode,state,identificationType,identificationNumber,identificationExpiryDate,frontImgPath,"
            + "backImgPath,handheldImgPath,status,time",
        .kycStatus: "email,status,time",
        .assign: "email,cardNumber,autoActive,cardID,time",
        .activate: "cardID,response_cardID,status,time",
        .setPin: "cardID,response_cardID,time",
        .card: "cardID,response_cardID,cardNo,expiryDate,currency,userBankCardStatus,cardHolderEmail,"
            + "cardHolderMobileNumber,cardHolderMobilePrefix,countryCode,billingState,billingCity,billingAddress,billingZipCode,time",
        .balance: "cardID,currency,response_cardID,response_currency,avaBalance,blockBalance,time",
        .recharge: "cardID,currency,amount,response_cardID,response_currency,transactionId,transactionStatus,sendAmount,time",
        .transactions: "cardID,transactionId,pageSize,pageNum,transactionStartTime,transactionEndTime,list,time",
        .setStatus: "cardID,status,response_cardID,response_status,time",
        .close: "cardID,response_cardID,status,refundAmt,currency,txnId,time",
    ]

    private var fixture: SandboxFixture!
    override func setUpWithError() throws { fixture = try SandboxFixture(cards: 10, faults: FaultOptions()) }
    override func tearDown() { fixture.stop() }

    func testEveryOperationsColumnsAreFixedAndFilled() async throws {
        XCTAssertEqual(Set(Self.headers.keys), Set(APIOperation.allCases))
        for operation in APIOperation.allCases {
            XCTAssertEqual(
                ResultColumns(operation: operation).header.joined(separator: ","),
                Self.outcome + (Self.headers[operation] ?? ""), "\(operation.batchName)")
        }
        try FileManager.default.copyItem(at: PackageFolder.sample("images"), to: fixture.folder.url.appendingPathComponent("images"))

        let kyc = try await run(.kyc, "kyc.csv")
        XCTAssertEqual(kyc.rows[0]["outcome"], "SUCCEEDED")
        XCTAssertEqual(kyc.rows[0]["email"], "ann.lee@example.com")
        XCTAssertEqual(kyc.rows[0]["addressLine"], "12 Orchard Road, #05-01")
        XCTAssertEqual(kyc.rows[0]["frontImgPath"], fixture.folder.url.appendingPathComponent("images/passport-front.jpg").path)
        XCTAssertEqual(kyc.rows[0]["backImgPath"], "")
        XCTAssertFalse(kyc.rows[0]["status", default: ""].isEmpty)

        let status = try await run(.kycStatus, "kyc-status.csv")
        XCTAssertEqual(status.rows[0]["email"], "ann.lee@example.com")
        XCTAssertFalse(status.rows[0]["status", default: ""].isEmpty)

        let assign = try await run(.assign, "assign.csv")
        XCTAssertEqual(assign.rows[0]["outcome"], "SUCCEEDED", "\(assign.rows[0])")
        XCTAssertEqual(assign.rows[0]["cardNumber"], "539999******0018")
        XCTAssertEqual(assign.rows[0]["autoActive"], "true")
        XCTAssertFalse(assign.rows[0]["cardID", default: ""].isEmpty)

        let card = try await run(.card, "card.csv")
        XCTAssertEqual(card.rows[0]["cardID"], "SB000001")
        XCTAssertEqual(card.rows[0]["response_cardID"], "SB000001")
        XCTAssertEqual(card.rows[0]["cardNo"]?.contains("******"), true)

        let balance = try await run(.balance, "balance.csv")
        XCTAssertEqual(balance.rows[0]["currency"], "USD")
        XCTAssertEqual(balance.rows[0]["response_cardID"], "SB000001")
        XCTAssertFalse(balance.rows[0]["avaBalance", default: ""].isEmpty)

        let recharge = try await run(.recharge, "recharge.csv")
        XCTAssertEqual(recharge.rows[1]["cardID"], "SB000002")
        XCTAssertEqual(recharge.rows[1]["amount"], "50", "the amount as the input gave it")
        XCTAssertEqual(recharge.rows[1]["response_cardID"], "SB000002")
        XCTAssertFalse(recharge.rows[1]["transactionId", default: ""].isEmpty)
        XCTAssertFalse(recharge.rows[1]["transactionStatus", default: ""].isEmpty)

        let transactions = try await run(.transactions, "transactions.jsonl")
        XCTAssertEqual(transactions.rows[0]["pageSize"], "20")
        XCTAssertEqual(transactions.rows[1]["transactionEndTime"], "2026-12-31 23:59:59")
        XCTAssertTrue(transactions.rows[0]["list", default: ""].hasPrefix("["))

        let pins = try await run(.setPin, "set-pin.csv")
        XCTAssertEqual(pins.rows[0]["cardID"], "SB000001")
        XCTAssertNil(pins.rows[0]["pin"])
        XCTAssertFalse(try String(contentsOfFile: pins.path, encoding: .utf8).contains("482913"), "a PIN is never written")

        let statuses = try await run(.setStatus, "set-status.csv")
        XCTAssertEqual(statuses.rows[0]["status"], "INACTIVE")
        XCTAssertEqual(statuses.rows[0]["response_status"], "INACTIVE")

        let close = try await run(.close, "close.csv")
        XCTAssertEqual(close.rows[0]["cardID"], "SB000010")
        XCTAssertEqual(close.rows[0]["response_cardID"], "SB000010")

        let activate = try await run(.activate, "activate.csv")
        XCTAssertEqual(activate.rows[0]["cardID"], "SBI000003")
        XCTAssertNil(activate.rows[0]["activationCode"])
        XCTAssertFalse(try String(contentsOfFile: activate.path, encoding: .utf8).contains("000034"), "an activation code is never written")
    }

    func testFailedRowsCarryTheirRequestAndInvalidRowsEchoTheInputSafely() async throws {
        let text = "cardID,currency,amount,ref\nSB999999,USD,12.50,missing\nSB000001,USD,-4,bad\n5399990000000018,=HYPERLINK(1),0,worse\n"
        try text.write(toFile: fixture.folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let table = try await run(.recharge, "recharge.csv", fromSample: false)
        let failed = table.rows[0]
        XCTAssertEqual(failed["outcome"], "FAILED")
        XCTAssertEqual([failed["cardID"], failed["currency"], failed["amount"]], ["SB999999", "USD", "12.50"])
        XCTAssertEqual(table.rows[1]["outcome"], "INVALID")
        XCTAssertEqual(table.rows[1]["amount"], "'-4", "the raw text the input gave, formula-neutralised")
        XCTAssertEqual(table.rows[2]["cardID"], "539999******0018", "a card number typed anywhere is masked")
        XCTAssertEqual(table.rows[2]["currency"], "'=HYPERLINK(1)", "formulas neutralised")
        for row in table.rows {
            XCTAssertNotNil(Timestamp.date(row["time", default: ""]), "time is ISO 8601: \(row)")
        }
        XCTAssertFalse(try String(contentsOfFile: table.path, encoding: .utf8).contains("5399990000000018"))
    }

    /// Runs `file` (a sample copied into the folder, or a file written there) and reads its results.
    private func run(_ operation: APIOperation, _ file: String, fromSample: Bool = true) async throws -> (
        rows: [[String: String]], path: String
    ) {
        let input = fixture.folder.url.appendingPathComponent(file)
        if fromSample {
            try? FileManager.default.removeItem(at: input)
            try FileManager.default.copyItem(at: PackageFolder.sample(file), to: input)
        }
        let format: InputFormat = file.hasSuffix(".jsonl") ? .jsonl : .csv
        let source = BatchValidator(operation: operation, file: input, format: format, options: ValidationOptions())
        var scan = ValidationSummary(operation: operation)
        try source.forEachRecord { scan.add($0) }
        let batch = operation.batchName
        let runner = BatchRunner(
            operation: operation, batchID: batch, source: source, api: fixture.client, options: ExecutionOptions(),
            folder: StateFolder(batchID: batch, stateDir: fixture.folder.path("state"), inputPath: input.path),
            resultsPath: fixture.folder.path("\(batch).results.csv"), auditPath: fixture.folder.path("audit.csv"),
            makeRequestNo: RequestNumber.make)
        _ = try await runner.run(scan: scan)
        let table = try ResultsTable(path: runner.resultsPath)
        XCTAssertEqual(table.header, ResultColumns(operation: operation).header)
        return (table.rows, runner.resultsPath)
    }
}
