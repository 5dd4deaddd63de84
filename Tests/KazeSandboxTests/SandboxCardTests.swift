// SandboxCardTests: assignment from inventory, activation after KYC PASSED, PIN, status
// changes, card queries, and the preset cards of --cards.

import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxCardTests: XCTestCase {
    let fresh = CardNumbers.number(.inventory, 1)

    func testAssignThenActivateWithTheDocumentedCode() throws {
        let (_, port) = try startSandbox { $0.cards = 2 }
        let client = try WireClient(port: port)
        _ = try client.call("setUcardKyc", RequestBodies.kyc("a@example.com"))
        let assigned = try client.call("ucardAssign", RequestBodies.assign("a@example.com", fresh, autoActive: false))
        XCTAssertEqual(assigned.code, "SUCCESS")
        XCTAssertEqual(assigned.text("cardID"), "SBI000001")
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SBI000001")).text("userBankCardStatus"), "PENDING_ACTIVATION")
        let wrong = try client.call("ucardActive", .strings(["cardID": "SBI000001", "activationCode": "000000"]))
        XCTAssertEqual(wrong.code, "SUCCESS")
        XCTAssertEqual(wrong.text("encrypt"), "FAILED")
        let code = String(fresh.suffix(6))
        let activated = try client.call("ucardActive", .strings(["cardID": "SBI000001", "activationCode": code]))
        XCTAssertEqual(activated.text("encrypt"), "SUCCESS")
        XCTAssertEqual(activated.text("status"), "ACTIVE_PROCESSING")
        let card = try client.call("queryCard", RequestBodies.card("SBI000001"))
        XCTAssertEqual(card.text("userBankCardStatus"), "ACTIVE")
        XCTAssertEqual(card.text("cardNo"), fresh)
        XCTAssertEqual(card.text("cardHolderEmail"), "a@example.com")
        XCTAssertEqual(card.text("billingAddress"), "1 Main Street")
        XCTAssertNil(card.text("cardCvv"))
        XCTAssertEqual(try client.call("ucardActive", .strings(["cardID": "SBI000001", "activationCode": code])).code, "STATE_ERROR")
    }

    func testActivationBeforeKycPassedIsAStateError() throws {
        let (_, port) = try startSandbox { $0.kycDelayMs = 3_600_000 }
        let client = try WireClient(port: port)
        _ = try client.call("setUcardKyc", RequestBodies.kyc("w@example.com"))
        XCTAssertEqual(try client.call("ucardAssign", RequestBodies.assign("w@example.com", fresh, autoActive: true)).code, "STATE_ERROR")
        let assigned = try client.call("ucardAssign", RequestBodies.assign("w@example.com", fresh, autoActive: false))
        let cardID = try XCTUnwrap(assigned.text("cardID"))
        let reply = try client.call("ucardActive", .strings(["cardID": cardID, "activationCode": String(fresh.suffix(6))]))
        XCTAssertEqual(reply.code, "STATE_ERROR")
    }

    func testAssignRules() throws {
        let (_, port) = try startSandbox()
        let client = try WireClient(port: port)
        _ = try client.call("setUcardKyc", RequestBodies.kyc("a@example.com"))
        _ = try client.call("setUcardKyc", RequestBodies.kyc("r+reject@example.com"))
        let badLuhn = String(fresh.dropLast()) + String(((fresh.last?.wholeNumberValue ?? 0) + 1) % 10)
        XCTAssertEqual(try client.call("ucardAssign", RequestBodies.assign("a@example.com", badLuhn, autoActive: true)).code, "PARAM_ERROR")
        XCTAssertEqual(
            try client.call("ucardAssign", RequestBodies.assign("a@example.com", "4111111111111111", autoActive: true)).code, "NOT_FOUND")
        XCTAssertEqual(
            try client.call("ucardAssign", RequestBodies.assign("a@example.com", CardNumbers.number(.inventory, 101), autoActive: true))
                .code, "NOT_FOUND")
        XCTAssertEqual(
            try client.call("ucardAssign", RequestBodies.assign("nobody@example.com", fresh, autoActive: true)).code, "NOT_FOUND")
        XCTAssertEqual(
            try client.call("ucardAssign", RequestBodies.assign("r+reject@example.com", fresh, autoActive: false)).code, "STATE_ERROR")
        var stringFlag = RequestBodies.assign("a@example.com", fresh, autoActive: true)
        stringFlag["autoActive"] = .string("true")
        XCTAssertEqual(try client.call("ucardAssign", stringFlag).code, "PARAM_ERROR")
        let first = try client.call("ucardAssign", RequestBodies.assign("a@example.com", fresh, autoActive: true))
        XCTAssertEqual(first.text("cardID"), "SBI000001")
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SBI000001")).text("userBankCardStatus"), "ACTIVE")
        XCTAssertEqual(try client.call("ucardAssign", RequestBodies.assign("a@example.com", fresh, autoActive: true)).code, "STATE_ERROR")
    }

    func testPinAndStatusChanges() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        XCTAssertEqual(try client.call("cardSetPin", .strings(["cardID": "SB000001", "pin": "12345"])).code, "PARAM_ERROR")
        XCTAssertEqual(try client.call("cardSetPin", .strings(["cardID": "SB000001", "pin": "12345a"])).code, "PARAM_ERROR")
        XCTAssertEqual(try client.call("cardSetPin", .strings(["cardID": "SB999999", "pin": "123456"])).code, "NOT_FOUND")
        let pin = try client.call("cardSetPin", .strings(["cardID": "SB000001", "pin": "123456"]))
        XCTAssertEqual(pin.text("cardID"), "SB000001")
        XCTAssertEqual(try client.call("updCardStatus", .strings(["cardID": "SB000001", "status": "FROZEN"])).code, "PARAM_ERROR")
        let off = try client.call("updCardStatus", .strings(["cardID": "SB000001", "status": "INACTIVE"]))
        XCTAssertEqual(off.text("status"), "INACTIVE")
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SB000001")).text("userBankCardStatus"), "INACTIVE")
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1")).code, "STATE_ERROR")
        XCTAssertEqual(try client.call("updCardStatus", .strings(["cardID": "SB000001", "status": "ACTIVE"])).text("status"), "ACTIVE")
        _ = try client.call("closeCard", RequestBodies.card("SB000001"))
        XCTAssertEqual(try client.call("updCardStatus", .strings(["cardID": "SB000001", "status": "ACTIVE"])).code, "STATE_ERROR")
        XCTAssertEqual(try client.call("cardSetPin", .strings(["cardID": "SB000001", "pin": "123456"])).code, "STATE_ERROR")
    }

    func testPresetCardsAndUnknownCard() throws {
        let (sandbox, port) = try startSandbox { $0.cards = 3 }
        let client = try WireClient(port: port)
        let card = try client.call("queryCard", RequestBodies.card("SB000002"))
        XCTAssertEqual(card.text("cardHolderEmail"), "user000002@sandbox.test")
        XCTAssertEqual(card.text("cardNo"), CardNumbers.number(.preset, 2))
        XCTAssertEqual(card.text("currency"), "USD")
        XCTAssertEqual(card.text("expiryDate")?.count, 4)
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SB000004")).code, "NOT_FOUND")
        XCTAssertEqual(try client.call("queryCard", JSONObject()).code, "PARAM_ERROR")
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        XCTAssertEqual(state["cards"]?.arrayValue?.count, 3)
        XCTAssertEqual(state["cards"]?.arrayValue?.first?.objectValue?.text("cardNo"), "539998******0019")
        XCTAssertFalse(sandbox.stateJSON().compactText.contains(CardNumbers.number(.preset, 1)))
    }
}
