// SandboxDedupeTests: `--dedupe replay|reject` as the real client sees it, counted in the
// fault counts, and the requestNo memory surviving a restart with `--state`.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxDedupeTests: XCTestCase {
    private func recharge(_ client: KazePayClient, _ amount: String, _ requestNo: String) async -> CallResult {
        await client.call(.recharge, body: RequestBodies.recharge("SB000001", amount), requestNo: requestNo)
    }

    func testReplayAnswersTheFirstAnswerAndDoesNothingAgain() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.dedupe = .replay
        }
        let first = await recharge(fixture.client, "5", "SAME1")
        let again = await recharge(fixture.client, "5", "SAME1")
        guard case .success(let firstBody) = first, case .success(let againBody) = again else {
            return XCTFail("\(first) / \(again)")
        }
        XCTAssertEqual(againBody.text("transactionId"), firstBody.text("transactionId"))
        let changed = await recharge(fixture.client, "6", "SAME1")
        XCTAssertEqual(changed.platformCode, .duplicateRequest)
        XCTAssertEqual(fixture.transactionCount, 1)
        let deduped = try await SandboxEndpoints(port: fixture.port).faultCount("dedupe")
        XCTAssertEqual(deduped, 2)
    }

    func testRejectRefusesEveryRepeatAndDoesNothing() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.dedupe = .reject
        }
        guard case .success = await recharge(fixture.client, "5", "SAME2") else { return XCTFail("first recharge") }
        let repeated = await recharge(fixture.client, "5", "SAME2")
        XCTAssertEqual(repeated.platformCode, .duplicateRequest)
        let read = await fixture.client.call(.card, body: RequestBodies.card("SB000001"), requestNo: "SAME2")
        XCTAssertEqual(read.platformCode, .duplicateRequest)
        XCTAssertEqual(fixture.transactionCount, 1)
        XCTAssertEqual(fixture.sandbox.stateJSON().objectValue?.text("merchantBalance"), "999995.00")
    }

    func testOffPaysARepeatedRequestNoTwice() async throws {
        let fixture = try startWithClient { $0.cards = 1 }
        _ = await recharge(fixture.client, "5", "SAME3")
        _ = await recharge(fixture.client, "5", "SAME3")
        XCTAssertEqual(fixture.transactionCount, 2)
    }

    func testARepeatOfALateCommitIsRefusedUntilItCommitsThenReplayed() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.dedupe = .replay
            $0.faults = FaultOptions(lateCommitRate: 1, lateCommitMs: 300)
        }
        let endpoints = SandboxEndpoints(port: fixture.port)
        guard case .unknown = await recharge(fixture.client, "9", "LATE1") else { return XCTFail("dropped") }
        try await endpoints.control(#"{"late-commit-rate": 0}"#)
        let early = await recharge(fixture.client, "9", "LATE1")
        if fixture.transactionCount == 0 { XCTAssertEqual(early.platformCode, .duplicateRequest, "\(early)") }
        var replayed: JSONObject?
        for _ in 0..<100 where replayed == nil {
            try await Task.sleep(for: .milliseconds(50))
            if case .success(let body) = await recharge(fixture.client, "9", "LATE1") { replayed = body }
        }
        let state = try await endpoints.state()
        let committed = (state["transactions"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertEqual(committed.count, 1)
        XCTAssertEqual(replayed?.text("transactionId"), committed.first?.text("transactionId"))
    }

    func testTheSavedDigestLeavesThePINOut() async throws {
        let fixture = try startWithClient {
            $0.cards = 1
            $0.dedupe = .replay
        }
        let body = JSONObject.strings(["cardID": "SB000001", "pin": "482913"])
        guard case .success = await fixture.client.call(.setPin, body: body, requestNo: "PIN1") else { return XCTFail("setPin") }
        let saved = fixture.sandbox.stateJSON().objectValue?["requests"]?.arrayValue?.first?.objectValue?.text("digest")
        func digest(_ pin: String) -> String {
            let plain = JSONValue.object(JSONObject.strings(["cardID": "SB000001", "pin": pin])).compactBytes
            return Hex.encode(SHA256.hash(Array("cardSetPin".utf8) + [0] + plain))
        }
        XCTAssertEqual(saved, digest("[redacted]"))
        XCTAssertNotEqual(saved, digest("482913"))
        XCTAssertFalse(fixture.sandbox.stateJSON().compactText.contains("482913"))
    }

    func testTheRequestNoMemoryIsSavedWithTheState() async throws {
        let directory = try makeSandboxFolder()
        let statePath = directory.file("state.json")
        let first = try SandboxWithClient(directory: directory, flags: [:]) {
            $0.cards = 1
            $0.dedupe = .replay
            $0.stateFile = statePath
        }
        guard case .success(let body) = await recharge(first.client, "7", "KEEP1") else { return XCTFail("first recharge") }
        first.stop()
        XCTAssertFalse(try String(contentsOfFile: statePath, encoding: .utf8).contains(CardNumbers.number(.preset, 1)))
        let second = try SandboxWithClient(directory: directory, flags: [:]) {
            $0.dedupe = .replay
            $0.stateFile = statePath
        }
        addTeardownBlock { second.stop() }
        guard case .success(let again) = await recharge(second.client, "7", "KEEP1") else { return XCTFail("replay") }
        XCTAssertEqual(again.text("transactionId"), body.text("transactionId"))
        XCTAssertEqual(second.transactionCount, 1)
    }
}
