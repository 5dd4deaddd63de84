// SandboxAfterCommitTests: the faults of a platform's bad days as the real client sees them —
// a gateway error page after the commit, a dropped request that commits later, and a recharge
// that settles to FAILED — and what the sandbox really did meanwhile.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxAfterCommitTests: XCTestCase {
    private func recharge(_ fixture: SandboxWithClient, _ amount: String = "2.50", requestNo: String = RequestNumber.make())
        async -> CallResult
    {
        await fixture.client.call(.recharge, body: RequestBodies.recharge("SB000001", amount), requestNo: requestNo)
    }

    private func transactions(_ fixture: SandboxWithClient) async throws -> [JSONObject] {
        let outcome = await fixture.client.call(.transactions, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        guard case .success(let body) = outcome else { throw UnexpectedOutcome(outcome: outcome) }
        return (body["list"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    func testGatewayErrorAfterCommitIsAnHTTPErrorWhileTheRechargeIsCommitted() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(gatewayErrorRate: 1)
        }
        let outcome = await recharge(fixture)
        guard case .httpError(let status, _) = outcome else { return XCTFail("expected an HTTP error, got \(outcome)") }
        XCTAssertTrue([502, 504].contains(status), "\(status)")
        let endpoints = SandboxEndpoints(port: fixture.port)
        XCTAssertEqual(fixture.transactionCount, 1)
        let gatewayErrors = try await endpoints.faultCount("gateway-error-after-commit")
        XCTAssertEqual(gatewayErrors, 1)
    }

    func testGatewayPagesAreHTMLWithoutAnEnvelopeBothStatusesAndADateHeader() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(gatewayErrorRate: 1, seed: 3)
        }
        let client = try WireClient(port: port)
        var statuses: Set<Int> = []
        for _ in 0..<12 {
            let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
            statuses.insert(reply.status)
            XCTAssertNil(reply.head)
            XCTAssertEqual(reply.headers["content-type"], "text/html")
            XCTAssertNotNil(HTTPDate.parse(reply.headers["date"]))
        }
        XCTAssertEqual(statuses, [502, 504])
        XCTAssertEqual(sandbox.transactionCount, 12)
    }

    func testLateCommitDropsAtOnceAndCommitsLaterWithItsOwnTime() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(lateCommitRate: 1, lateCommitMs: 400)
        }
        let endpoints = SandboxEndpoints(port: fixture.port)
        let sent = Date()
        let outcome = await recharge(fixture, "3.25")
        guard case .unknown = outcome else { return XCTFail("expected unknown, got \(outcome)") }
        try await endpoints.control(#"{"late-commit-rate": 0}"#)
        let early = try await transactions(fixture)
        let elapsed = Date().timeIntervalSince(sent)
        if elapsed < 0.4 { XCTAssertEqual(early.count, 0, "read \(elapsed) s after the drop") }
        var late: [JSONObject] = []
        for _ in 0..<100 where late.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            late = try await transactions(fixture)
        }
        XCTAssertEqual(late.count, 1)
        XCTAssertEqual(late.first?.text("cardCurrencyAmt"), "3.25")
        let state = try await endpoints.state()
        let committed = try XCTUnwrap(state["transactions"]?.arrayValue?.first?.objectValue)
        let committedAtMs = try XCTUnwrap(Double(committed["committedAtMs"]?.numberText ?? ""))
        XCTAssertGreaterThanOrEqual(committedAtMs / 1000, sent.timeIntervalSince1970 + 0.4)
        XCTAssertEqual(state["lateCommits"]?.arrayValue?.count, 0)
        let lateCommits = try await endpoints.faultCount("late-commit")
        XCTAssertEqual(lateCommits, 1)
        XCTAssertEqual(state.text("merchantBalance"), "999996.75")
    }

    func testALateCommitOfAnOperationThatWouldFailCommitsNothing() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(lateCommitRate: 1, lateCommitMs: 0)
        }
        XCTAssertThrowsError(try WireClient(port: port).call("cardRecharge", RequestBodies.recharge("SB999999", "1")))
        XCTAssertThrowsError(try WireClient(port: port).call("cardSetPin", JSONObject.strings(["cardID": "SB000001", "pin": "123456"])))
        let state = try XCTUnwrap(sandbox.stateJSON().objectValue)
        XCTAssertEqual(state["transactions"]?.arrayValue?.count, 0)
        XCTAssertEqual(state["cards"]?.arrayValue?.first?.objectValue?["pinSet"], .bool(true))
        XCTAssertFalse(sandbox.stateJSON().compactText.contains("123456"), "a PIN is never kept")
    }

    func testALateActivationKeepsNoCodeAndActivatesWhenDue() async throws {
        let (sandbox, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        let assigned = try client.call(
            "ucardAssign", RequestBodies.assign("user000001@sandbox.test", "5399990000000018", autoActive: false))
        let cardID = try XCTUnwrap(assigned.text("cardID"))
        let endpoints = SandboxEndpoints(port: port)
        try await endpoints.control(#"{"late-commit-rate": 1, "late-commit-ms": 300}"#)
        XCTAssertThrowsError(
            try WireClient(port: port).call("ucardActive", JSONObject.strings(["cardID": cardID, "activationCode": "000018"])))
        try await endpoints.control(#"{"late-commit-rate": 0}"#)
        let waiting = try XCTUnwrap(sandbox.stateJSON().objectValue?["lateCommits"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(waiting["body"]?.objectValue?.text("activationCode"), "[redacted]")
        var status: String?
        for _ in 0..<100 where status != "ACTIVE" {
            try await Task.sleep(for: .milliseconds(50))
            status = try client.call("queryCard", RequestBodies.card(cardID)).text("userBankCardStatus")
        }
        XCTAssertEqual(status, "ACTIVE")
        XCTAssertFalse(sandbox.stateJSON().compactText.contains("000018\""), "the activation code is never kept")
    }

    func testAFailingRechargeAnswersPendingThenSettlesFailedWithTheMoneyBack() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(rechargeFailRate: 1)
        }
        guard case .success(let body) = await recharge(fixture, "40") else { return XCTFail("the recharge is accepted") }
        XCTAssertEqual(body.text("transactionStatus"), "PENDING")
        let listed = try await transactions(fixture)
        XCTAssertEqual(listed.first?.text("transStatus"), "FAILED")
        let balance = await fixture.client.call(.balance, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        guard case .success(let balanceBody) = balance else { return XCTFail("cardBalance: \(balance)") }
        XCTAssertEqual(balanceBody["avaBalance"], .number("0.00"))
        let state = try await SandboxEndpoints(port: fixture.port).state()
        XCTAssertEqual(state.text("merchantBalance"), "1000000.00")
        XCTAssertEqual(state["faults"]?.objectValue?["recharge-fail"], .number("1"))
    }

    func testAFailingRechargeStaysPendingForPendingMs() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.pendingMs = 3_600_000
            $0.faults = FaultOptions(rechargeFailRate: 1)
        }
        let client = try WireClient(port: port)
        _ = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "5"))
        let entry = try client.call("queryTransactions", RequestBodies.card("SB000001")).body?["list"]?.arrayValue?.first?.objectValue
        XCTAssertEqual(entry?.text("transStatus"), "PENDING")
        let transaction = sandbox.stateJSON().objectValue?["transactions"]?.arrayValue?.first?.objectValue
        XCTAssertEqual(transaction?.text("settlesTo"), "FAILED")
        XCTAssertEqual(sandbox.stateJSON().objectValue?.text("merchantBalance"), "999995.00")
    }
}
