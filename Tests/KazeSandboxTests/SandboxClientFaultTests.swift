// SandboxClientFaultTests: each injected fault as the real client classifies it — the
// CallResult class a batch engine acts on — and what the sandbox committed meanwhile.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxClientFaultTests: XCTestCase {
    private func recharge(_ fixture: SandboxWithClient) async -> CallResult {
        await fixture.client.call(.recharge, body: RequestBodies.recharge("SB000001", "2.50"), requestNo: RequestNumber.make())
    }

    func testRateLimitedIsTransientAndRateLimited() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(rateLimit: 0.001, seed: 11)
        }
        _ = await recharge(fixture)
        var kinds: Set<String> = []
        for _ in 0..<12 {
            let outcome = await recharge(fixture)
            XCTAssertTrue(outcome.isRateLimited, "\(outcome)")
            XCTAssertTrue(outcome.isTransient)
            if case .httpError(429, let retryAfter) = outcome {
                XCTAssertEqual(retryAfter, 1)
                kinds.insert("429")
            } else {
                XCTAssertEqual(outcome.platformCode, .rateLimited)
                kinds.insert("RATE_LIMITED")
            }
        }
        XCTAssertEqual(kinds, ["429", "RATE_LIMITED"])
        XCTAssertEqual(fixture.transactionCount, 1)
    }

    func testInjectedFailuresCommitNothingAndOnlyTheEnvelopeProvesIt() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(failRate: 1, seed: 5)
        }
        var kinds: Set<String> = []
        for _ in 0..<12 {
            let outcome = await recharge(fixture)
            if case .httpError(500, _) = outcome {
                XCTAssertFalse(outcome.isTransient, "a bare 500 proves nothing: it could follow a commit")
                kinds.insert("500")
            } else if outcome.platformCode == .systemError {
                XCTAssertTrue(outcome.isTransient, "an envelope SYSTEM_ERROR echoing the requestNo proves nothing was done")
                kinds.insert("SYSTEM_ERROR")
            }
        }
        XCTAssertEqual(kinds, ["500", "SYSTEM_ERROR"])
        XCTAssertEqual(fixture.transactionCount, 0)
    }

    func testTimeoutIsUnknownAndCommitsNothing() async throws {
        let fixture = try startWithClient(timeoutSeconds: 1) {
            $0.cards = 1
            $0.faults = FaultOptions(timeoutRate: 1, timeoutHangMs: 5_000)
        }
        let outcome = await recharge(fixture)
        guard case .unknown = outcome else { return XCTFail("expected unknown, got \(outcome)") }
        XCTAssertEqual(fixture.transactionCount, 0)
    }

    func testDropAfterCommitIsUnknownAndCommittedOnce() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(dropAfterCommitRate: 1)
        }
        let outcome = await recharge(fixture)
        guard case .unknown = outcome else { return XCTFail("expected unknown, got \(outcome)") }
        XCTAssertEqual(fixture.transactionCount, 1)
    }

    /// A run of calls where half the answers are dropped after committing: every dropped call
    /// is reported unknown (never silently re-sent by the HTTP layer), and each request is
    /// committed exactly once.
    func testDroppedAnswersAreUnknownAndEachRequestCommittedOnce() async throws {
        let fixture = try startWithClient(timeoutSeconds: 1, concurrency: 1) {
            $0.cards = 1
            $0.faults = FaultOptions(dropAfterCommitRate: 0.5, seed: 9)
        }
        var answered = 0
        var unknown = 0
        for _ in 0..<16 {
            switch await recharge(fixture) {
            case .success: answered += 1
            case .unknown: unknown += 1
            case let other: XCTFail("unexpected \(other)")
            }
        }
        XCTAssertGreaterThan(unknown, 0)
        XCTAssertGreaterThan(answered, 0)
        XCTAssertEqual(fixture.transactionCount, answered + unknown)
    }

    func testBadSignatureIsAProtocolErrorAfterCommitting() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.faults = FaultOptions(badSignRate: 1)
        }
        let outcome = await recharge(fixture)
        guard case .protocolError = outcome else { return XCTFail("expected protocolError, got \(outcome)") }
        XCTAssertFalse(outcome.isTransient)
        XCTAssertEqual(fixture.transactionCount, 1)
    }

    func testWrongMerchantKeyIsSignError() async throws {
        let otherKey = try TestKeys.platform.publicKey()
        let fixture = try startWithClient {
            $0.cards = 1
            $0.merchantPublicKey = otherKey
        }
        let outcome = await recharge(fixture)
        XCTAssertEqual(outcome.platformCode, .signError)
        XCTAssertEqual(fixture.transactionCount, 0)
    }

    func testStoppedSandboxIsNotSent() async throws {
        let fixture = try startWithClient { $0.cards = 1 }
        fixture.sandbox.stop()
        let outcome = await recharge(fixture)
        guard case .notSent = outcome else { return XCTFail("expected notSent, got \(outcome)") }
        XCTAssertTrue(outcome.isTransient)
    }
}
