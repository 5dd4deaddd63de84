// CallCommandTests: `kazebatch call` — key=value parsing into a typed body, masking of the
// printed response, exit codes per outcome, and refusals before anything is sent.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class CallCommandTests: XCTestCase {
    private func body(_ operation: APIOperation, _ pairs: [String]) throws -> JSONObject {
        guard case .valid(let record) = try CallCommand.checkedRecord(operation, pairs: pairs).outcome else {
            throw CLIError("invalid")
        }
        return record.body
    }

    func testBodyTypesAndOrderFollowTheBatchSchema() throws {
        let recharge = try body(.recharge, ["amount=10.50", "CARDID=SB000001", "currency=USD"])
        XCTAssertEqual(JSONValue.object(recharge).compactText, #"{"cardID":"SB000001","currency":"USD","amount":10.50}"#)
        let page = try body(.transactions, ["cardID=SB1", "pageNum=2", "pageSize=100"])
        XCTAssertEqual(JSONValue.object(page).compactText, #"{"cardID":"SB1","pageSize":100,"pageNum":2}"#)
        let assign = try body(.assign, ["email=a@b.co", "cardNumber=4111111111111111", "autoActive=TRUE"])
        XCTAssertEqual(assign["autoActive"], .bool(true))
        XCTAssertEqual(try body(.card, ["cardID=a=b"])["cardID"], .string("a=b"))
    }

    func testFieldErrorsAreTheValidatorsAndNameTheProblem() {
        let cases: [(APIOperation, [String], String)] = [
            (.recharge, ["cardID=SB1", "amount=10.505"], "amount"),
            (
                .recharge, ["amout=1", "cardID=SB1"],
                "cardRecharge has no field \"amout\" (did you mean `amount`?); fields: cardID, currency, amount, ref"
            ),
            (.card, ["cardID"], "argument \"cardID\" is not key=value"),
            (.card, ["=x"], "argument \"=x\" is not key=value"),
            (.card, ["cardID=1", "cardid=2"], "field cardID given twice"),
            (.transactions, ["cardID=SB1", "pageSize=1e2"], "pageSize"),
            (.assign, ["email=a@b.co", "cardNumber=4111111111111111", "autoActive=yes"], "autoActive"),
            (.setPin, ["cardID=SB1", "pin=12345"], "pin must be exactly 6 digits [pin]\nnothing was sent"),
            (.recharge, ["amount=1"], "cardID is required [required]"),
        ]
        for (operation, pairs, message) in cases {
            XCTAssertThrowsError(try CallCommand.checkedRecord(operation, pairs: pairs), "\(pairs)") {
                let text = ($0 as? CLIError)?.message ?? ""
                XCTAssertTrue(text.contains(message), text)
                XCTAssertFalse(text.contains("12345"), "the PIN is never echoed: \(text)")
            }
        }
    }

    func testMoneyMovingCallsNeedYes() throws {
        let recharge = try CallCommand.checkedRecord(.recharge, pairs: ["cardID=SB1", "amount=10.50", "currency=EUR"])
        XCTAssertEqual(
            CallCommand.moneyRefusal(recharge),
            "cardRecharge would move 10.50 EUR onto card SB1; nothing was sent. Add --yes to send it")
        let close = try CallCommand.checkedRecord(.close, pairs: ["cardID=SB1"])
        XCTAssertEqual(CallCommand.moneyRefusal(close), "closeCard would close card SB1 for good; nothing was sent. Add --yes to send it")
        XCTAssertNil(CallCommand.moneyRefusal(try CallCommand.checkedRecord(.setStatus, pairs: ["cardID=SB1", "status=ACTIVE"])))
    }

    func testPrintedResponseHidesSecrets() throws {
        let body = try JSONValue.parse(
            #"{"encrypt":"SUCCESS","cardNo":"4111111111111111","cardCvv":"123","pin":"123456","list":[{"cardNo":"5500005555555559","fee":1.00}]}"#
        )
        XCTAssertEqual(
            CallCommand.masked(body).compactText,
            #"{"encrypt":"SUCCESS","cardNo":"411111******1111","list":[{"cardNo":"550000******5559","fee":1.00}]}"#)
    }

    func testUntrustedTextIsMadeSafeForTheTerminal() {
        XCTAssertEqual(
            SafeText.shown("ok\u{1B}]0;pwned\u{07}\r\nkazebatch: fake"),
            "ok<U+001B>]0;pwned<U+0007><U+000D><U+000A>kazebatch: fake", "no escape sequence, no forged line")
        XCTAssertEqual(SafeText.shown("10\u{200B}"), "10<U+200B>")
        XCTAssertEqual(SafeText.shown("é ü 中"), "é ü 中", "printable text is kept as it is")
        XCTAssertEqual(SafeText.shown(String(repeating: "x", count: 5_000)), String(repeating: "x", count: 300) + "…")
    }

    func testExitCodePerOutcome() {
        let body = JSONObject([("encrypt", .string("SUCCESS"))])
        let cases: [(CallResult, ExitCode)] = [
            (.success(body: body), .success), (.businessFailure(body: body), .someFailed),
            (.platformError(code: .notFound, detail: "no card", retryAfter: nil), .someFailed),
            (.httpError(status: 500, retryAfter: 2), .someFailed), (.protocolError(reason: "bad sign"), .someFailed),
            (.notSent(reason: "refused"), .someFailed), (.unknown(reason: "timed out"), .unknownRemain),
        ]
        for (outcome, code) in cases {
            XCTAssertEqual(CallCommand.report(outcome, operation: .card, requestNo: "1"), code, "\(outcome)")
        }
        let moving: [(CallResult, ExitCode)] = [
            (.httpError(status: 502, retryAfter: nil), .unknownRemain), (.httpError(status: 400, retryAfter: nil), .unknownRemain),
            (.protocolError(reason: "bad sign"), .unknownRemain), (.httpError(status: 429, retryAfter: 1), .someFailed),
            (.platformError(code: .systemError, detail: "later", retryAfter: nil), .someFailed),
        ]
        for (outcome, code) in moving {
            XCTAssertEqual(
                CallCommand.report(outcome, operation: .recharge, requestNo: "1"), code,
                "a state-changing call: \(outcome)")
        }
    }

    func testUsageAndConfigurationErrorsExit2AndNothingListeningExits1() async throws {
        let folder = try temporaryFolder("kazecall").url.appendingPathComponent("keys")
        await assertExit(["keys", "generate", folder.path], .success)
        let keys = [
            "--sys-id", "S1", "--merchant-key", folder.appendingPathComponent("merchant.pem").path,
            "--platform-public-key", folder.appendingPathComponent("merchant.pub").path,
            "--config", folder.appendingPathComponent("none.json").path,
        ]
        await assertExit(["call"], .usage)
        await assertExit(["call", "cardTopUp", "cardID=1"], .usage)
        await assertExit(
            ["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + keys, .usage,
            "an explicit config file that does not exist")
        let noConfig = Array(keys.dropLast(2))
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "https://api.example.com"] + noConfig, .usage)
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + noConfig, .someFailed)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent("merchant.pem").path)
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + noConfig, .usage)
    }
}
