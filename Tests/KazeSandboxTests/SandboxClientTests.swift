// SandboxClientTests: every operation through the real KazePayClient, configured from the
// sandbox's generated kazebatch.json, and the state rules as the client's outcome classes.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxClientTests: XCTestCase {
    private func requestNo() -> String { RequestNumber.make() }

    func testAllElevenOperationsThroughTheClient() async throws {
        let fixture = try startWithClient { $0.merchantBalance = 500 }
        let api = fixture.client
        let kyc = KycRequest(
            email: "eve@example.com", mobileNumber: "5551234567", mobilePrefix: "44", mobilePrefixCountry: "GB",
            firstName: "Eve", lastName: "Smith", dateOfBirth: "1985-07-14", addressLine: "10 Downing Street",
            city: "London", countryCode: "GB", postCode: "SW1A2AA", state: "London", identificationType: "ID_CARD",
            identificationNumber: "ID998877", identificationExpiryDate: "2098-01-01", frontImgBase64: RequestBodies.jpeg,
            backImgBase64: RequestBodies.png, handheldImgBase64: RequestBodies.jpeg)
        let submitted = await api.send(kyc, requestNo: requestNo())
        XCTAssertEqual(submitted.response?.status, "WAITING_KYC")
        let status = await api.send(KycStatusRequest(email: "eve@example.com"), requestNo: requestNo())
        XCTAssertEqual(status.response?.status, "PASSED")
        let number = CardNumbers.number(.inventory, 5)
        let assign = AssignRequest(email: "eve@example.com", cardNumber: number, autoActive: false)
        let assigned = await api.send(assign, requestNo: requestNo())
        let cardID = try XCTUnwrap(assigned.response?.cardID)
        let activated = await api.send(ActivateRequest(cardID: cardID, activationCode: String(number.suffix(6))), requestNo: requestNo())
        XCTAssertEqual(activated.response?.status, "ACTIVE_PROCESSING")
        let pin = await api.send(SetPinRequest(cardID: cardID, pin: "246810"), requestNo: requestNo())
        XCTAssertEqual(pin.response?.cardID, cardID)
        let queried = await api.send(CardRequest(cardID: cardID), requestNo: requestNo())
        let card = try XCTUnwrap(queried.response)
        XCTAssertEqual(card.cardNo, number)
        XCTAssertEqual(card.userBankCardStatus, "ACTIVE")
        XCTAssertEqual(card.billingCity, "London")
        let amount = try XCTUnwrap(Amount("125.40"))
        let recharged = await api.send(RechargeRequest(cardID: cardID, amount: amount), requestNo: requestNo())
        let recharge = try XCTUnwrap(recharged.response)
        XCTAssertEqual(recharge.transactionStatus, "PENDING")
        XCTAssertEqual(recharge.sendAmount, "125.40")
        let balanced = await api.send(BalanceRequest(cardID: cardID, currency: "USD"), requestNo: requestNo())
        XCTAssertEqual(balanced.response?.avaBalance, "125.40")
        let listed = await api.send(TransactionsRequest(cardID: cardID, pageSize: 5), requestNo: requestNo())
        let list = try XCTUnwrap(listed.response?.list)
        XCTAssertEqual(list.map(\.transactionId), [recharge.transactionId])
        XCTAssertEqual(list.first?.cardCurrencyAmt, "125.40")
        let inactive = await api.send(SetStatusRequest(cardID: cardID, status: "INACTIVE"), requestNo: requestNo())
        XCTAssertEqual(inactive.response?.status, "INACTIVE")
        let closing = await api.send(CloseRequest(cardID: cardID), requestNo: requestNo())
        let closed = try XCTUnwrap(closing.response)
        XCTAssertEqual(closed.status, "CLOSE_PROCESSING")
        XCTAssertEqual(closed.refundAmt, "125.40")
        XCTAssertEqual(fixture.sandbox.stateJSON().objectValue?.text("merchantBalance"), "500.00")
    }

    func testStateRulesArriveAsPlatformErrorsAndBusinessFailures() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.merchantBalance = 10
            $0.kycDelayMs = 3_600_000
        }
        let api = fixture.client
        let unknown = await api.send(CardRequest(cardID: "SB404404"), requestNo: requestNo()).outcome
        XCTAssertEqual(unknown.platformCode, .notFound)
        XCTAssertFalse(unknown.isTransient)
        let rich = try XCTUnwrap(Amount("10.01"))
        let poor = await api.send(RechargeRequest(cardID: "SB000001", amount: rich), requestNo: requestNo())
        XCTAssertEqual(poor.outcome.platformCode, .insufficientFunds)
        _ = await api.call(.kyc, body: RequestBodies.kyc("late@example.com"), requestNo: requestNo())
        let number = CardNumbers.number(.inventory, 9)
        let assign = AssignRequest(email: "late@example.com", cardNumber: number, autoActive: false)
        let assignedLate = await api.send(assign, requestNo: requestNo())
        let cardID = try XCTUnwrap(assignedLate.response?.cardID)
        let early = await api.send(ActivateRequest(cardID: cardID, activationCode: String(number.suffix(6))), requestNo: requestNo())
        XCTAssertEqual(early.outcome.platformCode, .stateError)
        let badPin = await api.send(SetPinRequest(cardID: "SB000001", pin: "1"), requestNo: requestNo())
        XCTAssertEqual(badPin.outcome.platformCode, .paramError)
        _ = await api.call(.kyc, body: RequestBodies.kyc("ok@example.com"), requestNo: requestNo())
        let fresh = CardNumbers.number(.inventory, 10)
        XCTAssertEqual(fixture.sandbox.stateJSON().objectValue?["users"]?.arrayValue?.count, 3)
        let assigned = await api.send(
            AssignRequest(email: "user000001@sandbox.test", cardNumber: fresh, autoActive: false), requestNo: requestNo())
        let second = try XCTUnwrap(assigned.response?.cardID)
        let wrongCode = await api.send(ActivateRequest(cardID: second, activationCode: "999999"), requestNo: requestNo()).outcome
        guard case .businessFailure(let body) = wrongCode else { return XCTFail("expected a business failure, got \(wrongCode)") }
        XCTAssertEqual(body.text("status"), "PENDING_ACTIVATION")
    }

    func testTwoHundredConcurrentCallsNeitherLostNorMixedUp() async throws {
        let fixture = try startWithClient(concurrency: 200) { $0.cards = 200 }
        let api = fixture.client
        let results = await withTaskGroup(of: (Int, String?, String?).self) { group in
            for index in 1...200 {
                group.addTask {
                    let cardID = "SB" + SandboxState.padded(index, 6)
                    guard let amount = Amount("\(index).01") else { return (index, nil, nil) }
                    let recharge = await api.send(RechargeRequest(cardID: cardID, amount: amount), requestNo: RequestNumber.make())
                    let card = await api.send(CardRequest(cardID: cardID), requestNo: RequestNumber.make())
                    return (index, recharge.response?.sendAmount, card.response?.cardNo)
                }
            }
            return await group.reduce(into: [(Int, String?, String?)]()) { $0.append($1) }
        }
        XCTAssertEqual(results.count, 200)
        for (index, sent, cardNo) in results {
            XCTAssertEqual(sent, "\(index).01")
            XCTAssertEqual(cardNo, CardNumbers.number(.preset, index))
        }
        let cards = (fixture.sandbox.stateJSON().objectValue?["cards"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertEqual(cards.count, 200)
        for card in cards {
            let index = Int(card.text("cardID")?.dropFirst(2) ?? "") ?? 0
            XCTAssertEqual(card.text("balance"), "\(index).01")
        }
        XCTAssertEqual(fixture.transactionCount, 200)
    }
}

extension CallResult {
    /// The platform code of a platformError outcome.
    var platformCode: PlatformCode? {
        if case .platformError(let code, _, _) = self { return code }
        return nil
    }
}
