// CallCommandTests: `kazebatch call` — key=value parsing into a typed body, masking of the
// printed response, exit codes per outcome, and refusals before anything is sent.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest
@testable import KazeCLI

final class CallCommandTests: XCTestCase {
    func testBodyTypesAndOrder() throws {
        let recharge = try CallCommand.body(for: .recharge, pairs: ["amount=10.50", "CARDID=SB000001", "currency=USD"])
        XCTAssertEqual(JSONValue.object(recharge).compactText, #"{"cardID":"SB000001","currency":"USD","amount":10.50}"#)
        let page = try CallCommand.body(for: .transactions, pairs: ["cardID=SB1", "pageNum=2", "pageSize=100"])
        XCTAssertEqual(JSONValue.object(page).compactText, #"{"cardID":"SB1","pageSize":100,"pageNum":2}"#)
        let assign = try CallCommand.body(for: .assign, pairs: ["email=a@b.co", "cardNumber=4111111111111111", "autoActive=TRUE"])
        XCTAssertEqual(assign["autoActive"], .bool(true))
        XCTAssertEqual(try CallCommand.body(for: .card, pairs: ["cardID=a=b"])["cardID"], .string("a=b"))
    }

    func testBodyErrorsNameTheProblem() {
        let cases: [(APIOperation, [String], String)] = [
            (.recharge, ["amount=10.505"], "amount \"10.505\" must be a number greater than 0 with at most 2 decimals"),
            (.recharge, ["amount=-1"], "amount \"-1\" must be a number greater than 0 with at most 2 decimals"),
            (.recharge, ["amt=1"], "cardRecharge has no field \"amt\"; fields: cardID, currency, amount"),
            (.card, ["cardID"], "argument \"cardID\" is not key=value"),
            (.card, ["=x"], "argument \"=x\" is not key=value"),
            (.card, ["cardID=1", "cardid=2"], "field cardID given twice"),
            (.transactions, ["pageSize=1e2"], "pageSize \"1e2\" must be a whole number"),
            (.assign, ["autoActive=yes"], "autoActive \"yes\" must be true or false"),
        ]
        for (operation, pairs, message) in cases {
            XCTAssertThrowsError(try CallCommand.body(for: operation, pairs: pairs)) {
                XCTAssertEqual(($0 as? CLIError)?.message, message)
            }
        }
    }

    func testPrintedResponseHidesSecrets() throws {
        let body = try JSONValue.parse(#"{"encrypt":"SUCCESS","cardNo":"4111111111111111","cardCvv":"123","pin":"123456","list":[{"cardNo":"5500005555555559","fee":1.00}]}"#)
        XCTAssertEqual(CallCommand.masked(body).compactText,
                       #"{"encrypt":"SUCCESS","cardNo":"411111******1111","list":[{"cardNo":"550000******5559","fee":1.00}]}"#)
    }

    func testExitCodePerOutcome() {
        let body = JSONObject([("encrypt", .string("SUCCESS"))])
        let cases: [(CallOutcome, ExitCode)] = [
            (.success(body: body), .success), (.businessFailure(body: body), .someFailed),
            (.platformError(code: .notFound, detail: "no card", retryAfter: nil), .someFailed),
            (.httpError(status: 500, retryAfter: 2), .someFailed), (.protocolError(reason: "bad sign"), .someFailed),
            (.notSent(reason: "refused"), .someFailed), (.unknown(reason: "timed out"), .unknownRemain),
        ]
        for (outcome, code) in cases {
            XCTAssertEqual(CallCommand.report(outcome, operation: .card, requestNo: "1"), code, "\(outcome)")
        }
        let moving: [(CallOutcome, ExitCode)] = [
            (.httpError(status: 502, retryAfter: nil), .unknownRemain), (.httpError(status: 400, retryAfter: nil), .unknownRemain),
            (.protocolError(reason: "bad sign"), .unknownRemain), (.httpError(status: 429, retryAfter: 1), .someFailed),
            (.platformError(code: .systemError, detail: "later", retryAfter: nil), .someFailed),
        ]
        for (outcome, code) in moving {
            XCTAssertEqual(CallCommand.report(outcome, operation: .recharge, requestNo: "1"), code,
                           "a state-changing call: \(outcome)")
        }
    }

    func testUsageAndConfigurationErrorsExit2AndNothingListeningExits1() async throws {
        let folder = try temporaryFolder("kazecall").url.appendingPathComponent("keys")
        await assertExit(["keys", "generate", folder.path], .success)
        let keys = ["--sys-id", "S1", "--merchant-key", folder.appendingPathComponent("merchant.pem").path,
                    "--platform-public-key", folder.appendingPathComponent("merchant.pub").path,
                    "--config", folder.appendingPathComponent("none.json").path]
        await assertExit(["call"], .usage)
        await assertExit(["call", "cardTopUp", "cardID=1"], .usage)
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + keys, .usage,
                       "an explicit config file that does not exist")
        let noConfig = Array(keys.dropLast(2))
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "https://api.example.com"] + noConfig, .usage)
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + noConfig, .someFailed)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent("merchant.pem").path)
        await assertExit(["call", "queryCard", "cardID=1", "--endpoint", "http://127.0.0.1:1"] + noConfig, .usage)
    }
}
