// SandboxFaultTests: each injected fault seen on the wire — 429/RATE_LIMITED, 500/SYSTEM_ERROR
// (nothing committed), timeouts (no answer, nothing committed), drops after commit, bad
// signatures (committed) — and that one seed replays the same faults.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxFaultTests: XCTestCase {
    func testRateLimitAnswers429WithRetryAfterOrRateLimited() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(rateLimit: 0.001, seed: 7)
        }
        let client = try WireClient(port: port)
        XCTAssertEqual(try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1")).code, "SUCCESS")
        var seen: Set<String> = []
        for _ in 0..<16 {
            let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
            if reply.status == 429 {
                XCTAssertEqual(reply.headers["retry-after"], "1")
                seen.insert("429")
            } else {
                XCTAssertEqual(reply.code, "RATE_LIMITED")
                XCTAssertNil(reply.body)
                seen.insert("RATE_LIMITED")
            }
        }
        XCTAssertEqual(seen, ["429", "RATE_LIMITED"])
        XCTAssertEqual(sandbox.transactionCount, 1)
    }

    func testFailRateAnswers500OrSystemErrorAndCommitsNothing() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(failRate: 1, seed: 3)
        }
        let client = try WireClient(port: port)
        var seen: Set<String> = []
        for _ in 0..<16 {
            let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
            seen.insert(reply.status == 500 ? "500" : reply.code ?? "?")
        }
        XCTAssertEqual(seen, ["500", "SYSTEM_ERROR"])
        XCTAssertEqual(sandbox.transactionCount, 0)
    }

    func testTimeoutGivesNoAnswerAndCommitsNothing() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(timeoutRate: 1, timeoutHangMs: 100)
        }
        XCTAssertThrowsError(try WireClient(port: port).call("cardRecharge", RequestBodies.recharge("SB000001", "1")))
        XCTAssertEqual(sandbox.transactionCount, 0)
    }

    func testDropAfterCommitGivesNoAnswerButCommits() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(dropAfterCommitRate: 1)
        }
        XCTAssertThrowsError(try WireClient(port: port).call("cardRecharge", RequestBodies.recharge("SB000001", "1")))
        XCTAssertEqual(sandbox.transactionCount, 1)
    }

    func testBadSignCommitsAndTheAnswerDoesNotVerify() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(badSignRate: 1)
        }
        let reply = try WireClient(port: port).call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
        XCTAssertEqual(reply.code, "SUCCESS")
        XCTAssertNil(reply.body)
        XCTAssertNotNil(reply.openError)
        XCTAssertEqual(sandbox.transactionCount, 1)
    }

    func testLatencyStillAnswers() throws {
        let (_, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(latencyMs: 20, latencyJitterMs: 20)
        }
        XCTAssertEqual(try WireClient(port: port).call("queryCard", RequestBodies.card("SB000001")).code, "SUCCESS")
    }

    func testTheSameSeedReplaysTheSameFaults() throws {
        func run(seed: UInt64) throws -> [String] {
            let (_, port) = try startSandbox {
                $0.cards = 1
                $0.faults = FaultOptions(failRate: 0.5, seed: seed)
            }
            let client = try WireClient(port: port)
            return try (0..<24).map { _ in
                let reply = try client.call("queryCard", RequestBodies.card("SB000001"))
                return reply.status == 200 ? reply.code ?? "?" : String(reply.status)
            }
        }
        let first = try run(seed: 42)
        XCTAssertEqual(try run(seed: 42), first)
        XCTAssertNotEqual(try run(seed: 43), first)
        XCTAssertEqual(Set(first), ["SUCCESS", "SYSTEM_ERROR", "500"])
    }

    func testGeneratorAndBucketBasics() {
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual(generator.next(), 0xE220_A839_7B1D_CDAF)
        let fractions = (0..<1000).map { _ in generator.fraction() }
        XCTAssertTrue(fractions.allSatisfy { $0 >= 0 && $0 < 1 })
        var bucket = TokenBucket(rate: 2, burst: 2)
        let start = Date(timeIntervalSince1970: 0)
        XCTAssertEqual([bucket.take(now: start), bucket.take(now: start), bucket.take(now: start)], [true, true, false])
        XCTAssertTrue(bucket.take(now: start.addingTimeInterval(0.5)))
        XCTAssertFalse(bucket.take(now: start.addingTimeInterval(0.5)))
    }
}
