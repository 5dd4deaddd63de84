// RoundTripTests: every one of the 11 operations through the real client, a real loopback
// socket and a platform that opens the request and seals a typed answer.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

final class RoundTripTests: XCTestCase {
    private var client: KazePayClient!
    private var platform: PlatformSide!

    override func setUpWithError() throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let platform = PlatformSide(codec: try TestKeys.platformCodec())
        let server = try TestServer(self) { request in
            guard let received = platform.open(request), let operation = APIOperation(rawValue: received.head.apiCode),
                let body = (try? JSONValue.parse(received.plain))?.objectValue
            else { return platform.answer(WireHead(apiCode: "", sysId: "", requestNo: ""), code: "SIGN_ERROR", body: nil) }
            return platform.answer(received.head, body: SampleAnswers.body(for: operation, request: body))
        }
        self.platform = platform
        client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port))
    }

    /// Sends `request`, checks what the platform received, and returns the typed response.
    private func roundTrip<Request: APIRequest>(_ request: Request, file: StaticString = #filePath, line: UInt = #line)
        async throws -> Request.Response
    {
        let requestNo = RequestNumber.make()
        let result = await client.send(request, requestNo: requestNo)
        let received = try XCTUnwrap(platform.log.all.last, "nothing arrived", file: file, line: line)
        XCTAssertEqual(received.head.apiCode, Request.operation.apiCode, file: file, line: line)
        XCTAssertEqual(received.head.sysId, "202402271432298822660001", file: file, line: line)
        XCTAssertEqual(received.head.requestNo, requestNo, file: file, line: line)
        XCTAssertEqual(received.plain, JSONValue.object(request.body).compactBytes, file: file, line: line)
        XCTAssertEqual(received.headers["content-type"], "application/json", file: file, line: line)
        return try XCTUnwrap(result.response, "outcome \(result.outcome)", file: file, line: line)
    }

    func testKycOperationsWithLargeImages() async throws {
        let image = "data:image/jpeg;base64," + String(repeating: "/9j/4AAQSkZJRg", count: 30_000)
        let kyc = KycRequest(
            email: "ann@example.com", mobileNumber: "5551234", mobilePrefix: "1", mobilePrefixCountry: "US",
            firstName: "Ann", lastName: "Lee", dateOfBirth: "1990-01-31", addressLine: "1 Main St", city: "Austin",
            countryCode: "US", postCode: "73301", state: "TX", identificationType: "ID_CARD", identificationNumber: "X123",
            identificationExpiryDate: "2031-01-01", frontImgBase64: image, backImgBase64: image, handheldImgBase64: image)
        let applied = try await roundTrip(kyc)
        XCTAssertEqual(applied.status, "WAITING_KYC")
        let status = try await roundTrip(KycStatusRequest(email: "ann@example.com"))
        XCTAssertEqual(status.status, "PASSED")
    }

    func testCardLifecycleOperations() async throws {
        let assigned = try await roundTrip(AssignRequest(email: "ann@example.com", cardNumber: "4111111111111111", autoActive: true))
        XCTAssertEqual(assigned.cardID, "SB000042")
        XCTAssertTrue(String(decoding: try XCTUnwrap(platform.log.all.last).plain, as: UTF8.self).contains("\"autoActive\":true"))
        let activated = try await roundTrip(ActivateRequest(cardID: "SB000042", activationCode: "123456"))
        XCTAssertEqual(activated.status, "ACTIVE_PROCESSING")
        let pinSet = try await roundTrip(SetPinRequest(cardID: "SB000042", pin: "123456"))
        XCTAssertEqual(pinSet.cardID, "SB000042")
        let statusSet = try await roundTrip(SetStatusRequest(cardID: "SB000042", status: "INACTIVE"))
        XCTAssertEqual(statusSet.status, "INACTIVE")
        let closed = try await roundTrip(CloseRequest(cardID: "SB000042"))
        XCTAssertEqual(
            closed,
            CloseResponse(
                body: JSONObject([
                    ("cardID", .string("SB000042")), ("status", .string("CLOSE_PROCESSING")), ("refundAmt", .string("12.00")),
                    ("currency", .string("USD")), ("txnId", .string("C0001")),
                ])))
    }

    func testQueries() async throws {
        let card = try await roundTrip(CardRequest(cardID: "SB000001"))
        XCTAssertEqual(card.cardNo, "4111111111111111")
        XCTAssertEqual(card.expiryDate, "2812")
        let balance = try await roundTrip(BalanceRequest(cardID: "SB000001", currency: "USD"))
        XCTAssertEqual(balance.avaBalance, "1234.50")
        XCTAssertEqual(balance.blockBalance, "0")
        let page = try await roundTrip(TransactionsRequest(cardID: "SB000001", pageSize: 100, pageNum: 2))
        XCTAssertEqual(page.list.map(\.transactionId), ["TX0001"])
        XCTAssertEqual(page.list.first?.cardCurrencyAmt, "10.50")
        XCTAssertTrue(String(decoding: try XCTUnwrap(platform.log.all.last).plain, as: UTF8.self).contains("\"pageSize\":100"))
    }

    func testRechargeSendsTheUsersDigits() async throws {
        for text in ["10.50", "0.1", "100", "12345678.99"] {
            let amount = try XCTUnwrap(Amount(text))
            let recharge = try await roundTrip(RechargeRequest(cardID: "SB000001", currency: "USD", amount: amount))
            let plain = String(decoding: try XCTUnwrap(platform.log.all.last).plain, as: UTF8.self)
            XCTAssertEqual(plain, "{\"cardID\":\"SB000001\",\"currency\":\"USD\",\"amount\":\(text)}")
            XCTAssertEqual(recharge.sendAmount, text)
            XCTAssertEqual(recharge.transactionStatus, "SUCCESS")
        }
    }

    func testEveryOperationWasCovered() async throws {
        try await testKycOperationsWithLargeImages()
        try await testCardLifecycleOperations()
        try await testQueries()
        try await testRechargeSendsTheUsersDigits()
        let seen = Set(platform.log.all.map(\.head.apiCode))
        XCTAssertEqual(seen, Set(APIOperation.allCases.map(\.apiCode)))
    }
}
