// SandboxRechargeTests: recharges (amount text, PENDING then SUCCESS, merchant balance,
// INSUFFICIENT_FUNDS), balances, queryTransactions filters and paging, and closure refunds.

import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxRechargeTests: XCTestCase {
    func testRechargeIsPendingThenCreditedAndListed() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.merchantBalance = 100
        }
        let client = try WireClient(port: port)
        let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "10.5"), requestNo: "R1")
        XCTAssertEqual(reply.text("transactionStatus"), "PENDING")
        XCTAssertEqual(reply.text("sendAmount"), "10.5")
        XCTAssertEqual(reply.text("currency"), "USD")
        let transactionId = try XCTUnwrap(reply.text("transactionId"))
        let balance = try client.call("cardBalance", RequestBodies.card("SB000001"))
        XCTAssertEqual(balance.body?["avaBalance"], .number("10.50"))
        XCTAssertEqual(balance.body?["blockBalance"], .number("0.00"))
        let list = try client.call("queryTransactions", RequestBodies.card("SB000001")).body?["list"]?.arrayValue
        let entry = try XCTUnwrap(list?.first?.objectValue)
        XCTAssertEqual(list?.count, 1)
        XCTAssertEqual(entry.text("transactionId"), transactionId)
        XCTAssertEqual(entry.text("transType"), "Recharge")
        XCTAssertEqual(entry.text("transStatus"), "SUCCESS")
        XCTAssertEqual(entry.text("cardCurrencyAmt"), "10.5")
        XCTAssertNotNil(WireTime.date(entry.text("transactionTime") ?? ""))
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        XCTAssertEqual(state.text("merchantBalance"), "89.50")
        XCTAssertEqual(state["transactions"]?.arrayValue?.first?.objectValue?.text("requestNo"), "R1")
    }

    func testPendingDelayKeepsTheBalanceUntilClosureSettlesAndRefunds() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.pendingMs = 3_600_000
            $0.merchantBalance = 50
        }
        let client = try WireClient(port: port)
        _ = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "20"))
        XCTAssertEqual(try client.call("cardBalance", RequestBodies.card("SB000001")).body?["avaBalance"], .number("0.00"))
        let listed = try client.call("queryTransactions", RequestBodies.card("SB000001")).body?["list"]?.arrayValue
        XCTAssertEqual(listed?.first?.objectValue?.text("transStatus"), "PENDING")
        let closed = try client.call("closeCard", RequestBodies.card("SB000001"))
        XCTAssertEqual(closed.text("status"), "CLOSE_PROCESSING")
        XCTAssertEqual(closed.text("refundAmt"), "20.00")
        XCTAssertNotNil(closed.text("txnId"))
        XCTAssertEqual(try client.call("closeCard", RequestBodies.card("SB000001")).code, "STATE_ERROR")
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1")).code, "STATE_ERROR")
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        XCTAssertEqual(state.text("merchantBalance"), "50.00")
        XCTAssertEqual(state["cards"]?.arrayValue?.first?.objectValue?.text("status"), "CLOSED")
        XCTAssertEqual(state["cards"]?.arrayValue?.first?.objectValue?.text("balance"), "0.00")
    }

    func testInsufficientFundsCommitsNothing() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.merchantBalance = Decimal(string: "5.00") ?? 5
        }
        let client = try WireClient(port: port)
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "5.01")).code, "INSUFFICIENT_FUNDS")
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "5")).text("encrypt"), "SUCCESS")
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "0.01")).code, "INSUFFICIENT_FUNDS")
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        XCTAssertEqual(state.text("merchantBalance"), "0.00")
        XCTAssertEqual(state["transactions"]?.arrayValue?.count, 1)
    }

    func testAmountAndCurrencyChecks() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        for amount in ["0", "0.00", "1.001", "-1", "1e2"] {
            XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", amount)).code, "PARAM_ERROR", amount)
        }
        XCTAssertEqual(try client.call("cardRecharge", .strings(["cardID": "SB000001", "amount": "10"])).code, "PARAM_ERROR")
        XCTAssertEqual(try client.call("cardRecharge", .strings(["cardID": "SB000001"])).code, "PARAM_ERROR")
        var euro = RequestBodies.recharge("SB000001", "1")
        euro["currency"] = .string("EUR")
        XCTAssertEqual(try client.call("cardRecharge", euro).code, "STATE_ERROR", "a well-formed currency the card does not hold")
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000009", "1")).code, "NOT_FOUND")
        XCTAssertEqual(try client.call("cardBalance", .strings(["cardID": "SB000001", "currency": "usd"])).code, "PARAM_ERROR")
    }

    func testTransactionPagingAndFilters() throws {
        let (_, port) = try startSandbox { $0.cards = 2 }
        let client = try WireClient(port: port)
        var ids: [String] = []
        for index in 1...15 {
            ids.append(try XCTUnwrap(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "\(index)")).text("transactionId")))
        }
        _ = try client.call("cardRecharge", RequestBodies.recharge("SB000002", "99"))
        func list(_ extra: [(String, JSONValue)]) throws -> [JSONObject] {
            let reply = try client.call("queryTransactions", JSONObject([("cardID", .string("SB000001"))] + extra))
            XCTAssertEqual(reply.code, "SUCCESS", reply.head?.detail ?? "")
            return (reply.body?["list"]?.arrayValue ?? []).compactMap(\.objectValue)
        }
        XCTAssertEqual(try list([]).count, 10)
        XCTAssertEqual(try list([]).first?.text("transactionId"), ids.last)
        XCTAssertEqual(
            try list([("pageSize", .number("10")), ("pageNum", .number("2"))]).map { $0.text("transactionId") ?? "" },
            Array(ids.prefix(5).reversed()))
        XCTAssertEqual(try list([("pageSize", .number("100"))]).count, 15)
        XCTAssertEqual(try list([("transactionId", .string(ids[3]))]).map { $0.text("cardCurrencyAmt") }, ["4"])
        XCTAssertEqual(try list([("transactionStartTime", .string("2999-01-01 00:00:00"))]).count, 0)
        XCTAssertEqual(try list([("transactionEndTime", .string("2000-01-01 00:00:00"))]).count, 0)
        let wide = [
            ("transactionStartTime", JSONValue.string("2000-01-01 00:00:00")),
            ("transactionEndTime", JSONValue.string("2999-12-31 23:59:59")), ("pageSize", JSONValue.number("50")),
        ]
        XCTAssertEqual(try list(wide).count, 15)
        for bad in [
            ("pageSize", JSONValue.number("0")), ("pageSize", .number("101")), ("pageNum", .number("11")),
            ("transactionStartTime", .string("2024-01-01T00:00:00")), ("transactionEndTime", .string("2024-02-30 00:00:00")),
        ] {
            let reply = try client.call("queryTransactions", JSONObject([("cardID", .string("SB000001")), bad]))
            XCTAssertEqual(reply.code, "PARAM_ERROR", "\(bad)")
        }
    }

    func testConcurrentRechargesAreEachCreditedExactlyOnce() throws {
        let (sandbox, port) = try startSandbox { $0.cards = 20 }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            do {
                let client = try WireClient(port: port)
                let cardID = "SB" + SandboxState.padded(index + 1, 6)
                for _ in 0..<3 where try client.call("cardRecharge", RequestBodies.recharge(cardID, "1.25")).code != "SUCCESS" {
                    failures.add("recharge of \(cardID) failed")
                }
            } catch {
                failures.add("\(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        let cards = (state["cards"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertEqual(cards.map { $0.text("balance") }, Array(repeating: "3.75", count: 20))
        XCTAssertEqual(state.text("merchantBalance"), "999925.00")
        XCTAssertEqual(Set((state["transactions"]?.arrayValue ?? []).compactMap { $0.objectValue?.text("transactionId") }).count, 60)
    }
}
