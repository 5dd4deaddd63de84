// Tests for reconciliation of operations other than recharge.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ReconcilerTests: XCTestCase {
    private func kycRecord(_ line: Int, _ email: String) -> ValidationResult {
        .valid(ValidRecord(line: line, ref: "", operation: .kyc, body: JSONObject([("email", .string(email))])))
    }

    func testKycWithALostAnswerIsConfirmedThroughItsStatus() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        harness.platform.script("a@example.com", [.commitThenUnknown])
        harness.platform.script("b@example.com", [.unknownWithoutCommit])
        let outcome = try await harness.run(ArraySource(records: [kycRecord(2, "a@example.com"), kycRecord(3, "b@example.com")]))
        let rows = try harness.results()
        XCTAssertEqual(rows[0][3], "SUCCEEDED")
        XCTAssertEqual(rows[0][4], "RECONCILED")
        XCTAssertTrue(rows[0][5].contains("KYC application found (status WAITING_KYC)"), rows[0][5])
        XCTAssertEqual(rows[1][3], "FAILED", "settled and not found: not done")
        XCTAssertEqual(rows[1][4], "NOT_COMMITTED")
        XCTAssertEqual(outcome.summary.verdict, .someFailed)
        XCTAssertEqual(harness.platform.callCount(.kyc), 2, "neither was resent")
    }

    func testVerdictsOfEachOutcomeClass() {
        XCTAssertEqual(CallVerdict(.unknown(reason: "t"), operation: .recharge), .inDoubt(code: "NO_ANSWER", detail: "t"))
        XCTAssertEqual(CallVerdict(.protocolError(reason: "sig"), operation: .close), .inDoubt(code: "PROTOCOL_ERROR", detail: "sig"))
        XCTAssertEqual(
            CallVerdict(.unknown(reason: "t"), operation: .balance),
            .transient(code: "NO_ANSWER", detail: "t", retryAfter: nil, rateLimited: false))
        XCTAssertEqual(
            CallVerdict(.httpError(status: 429, retryAfter: 3), operation: .recharge),
            .transient(code: "HTTP_429", detail: "HTTP 429", retryAfter: 3, rateLimited: true))
        XCTAssertEqual(
            CallVerdict(.platformError(code: .insufficientFunds, detail: "low", retryAfter: nil), operation: .recharge),
            .failed(code: "INSUFFICIENT_FUNDS", detail: "low"))
        let failedRecharge = JSONObject([("encrypt", .string("SUCCESS")), ("transactionStatus", .string("FAILED"))])
        XCTAssertEqual(
            CallVerdict(.success(body: failedRecharge), operation: .recharge),
            .failed(code: "FAILED", detail: "the platform reports the recharge as FAILED"))
    }
}
