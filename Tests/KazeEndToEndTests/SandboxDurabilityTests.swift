// SandboxDurabilityTests: `--state` with its operation log — a `kazebatch sandbox` process
// SIGKILLed under a recharge load and restarted with the same state file still has every
// transaction a client was told about and never reuses an id; late commits survive a kill.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxDurabilityTests: XCTestCase {
    /// The transactionIds clients were answered with, from several tasks.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String] = []
        func add(_ id: String) { lock.withLock { ids.append(id) } }
        var all: [String] { lock.withLock { ids } }
    }

    private func makeClient(_ sandbox: SandboxChild) throws -> KazePayClient {
        try KazePayClient(
            configuration: try Configuration.load(
                configPath: sandbox.configPath, environment: [:], flags: ["timeout": "5", "concurrency": "8"]))
    }

    private func transactions(_ state: JSONObject) -> [JSONObject] {
        (state["transactions"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    func testSIGKILLUnderARechargeLoadLosesNothingAClientSawAndReusesNoId() async throws {
        let directory = try makeSandboxFolder()
        let folder = URL(fileURLWithPath: directory.path)
        let statePath = directory.file("state.json")
        let first = try SandboxChild(directory: folder, extra: ["--cards", "4", "--state", statePath])
        addTeardownBlock { first.stop() }
        let client = try makeClient(first)
        let received = Received()
        await withTaskGroup(of: Void.self) { group in
            for worker in 1...4 {
                group.addTask {
                    for _ in 0..<2000 {
                        let outcome = await client.call(
                            .recharge, body: RequestBodies.recharge("SB00000\(worker)", "1.25"), requestNo: RequestNumber.make())
                        guard case .success(let body) = outcome, let id = body.text("transactionId") else { return }
                        received.add(id)
                    }
                }
            }
            for _ in 0..<2000 where received.all.count < 60 { try? await Task.sleep(for: .milliseconds(10)) }
            first.child.send(SIGKILL)
        }
        XCTAssertEqual(first.child.wait(limit: 10).reason, .uncaughtSignal)
        let seen = received.all
        XCTAssertGreaterThanOrEqual(seen.count, 60)

        let second = try SandboxChild(directory: folder, extra: ["--state", statePath])
        addTeardownBlock { second.stop() }
        let endpoints = SandboxEndpoints(port: second.port)
        let before = transactions(try await endpoints.state())
        let kept = Set(before.compactMap { $0.text("transactionId") })
        XCTAssertTrue(Set(seen).isSubset(of: kept), "missing: \(Set(seen).subtracting(kept).sorted())")
        XCTAssertEqual(kept.count, before.count, "no transactionId twice")
        let paid = before.count
        let state = try await endpoints.state()
        XCTAssertEqual(state.text("merchantBalance"), (Cents(100_000_000) - Cents(125 * Int64(paid))).text, "each paid once")
        let credited = (state["cards"]?.arrayValue ?? []).compactMap { $0.objectValue?.text("balance").flatMap { Cents(text: $0) } }
        XCTAssertEqual(credited.reduce(Cents.zero, +), Cents(125 * Int64(paid)), "each credited once, pending ones settled")

        let again = try makeClient(second)
        let outcome = await again.call(.recharge, body: RequestBodies.recharge("SB000001", "1"), requestNo: RequestNumber.make())
        guard case .success(let body) = outcome, let newId = body.text("transactionId") else { return XCTFail("\(outcome)") }
        XCTAssertFalse(kept.contains(newId))
        XCTAssertGreaterThan(newId, kept.max() ?? "")
        let assigned = await again.call(
            .assign, body: RequestBodies.assign("user000001@sandbox.test", "5399990000000018", autoActive: true),
            requestNo: RequestNumber.make())
        guard case .success(let card) = assigned else { return XCTFail("\(assigned)") }
        XCTAssertEqual(card.text("cardID"), "SBI000001", "named after its inventory index, not the preset sequence")
    }

    func testLateCommitsSurviveAKillAndApplyWhenDue() async throws {
        let directory = try makeSandboxFolder()
        let folder = URL(fileURLWithPath: directory.path)
        let statePath = directory.file("state.json")
        let first = try SandboxChild(
            directory: folder,
            extra: [
                "--cards", "1", "--state", statePath, "--late-commit-rate", "1", "--late-commit-ms", "3600000",
            ])
        addTeardownBlock { first.stop() }
        let client = try makeClient(first)
        let control = SandboxEndpoints(port: first.port)
        let slow = await client.call(.recharge, body: RequestBodies.recharge("SB000001", "3"), requestNo: "LATESLOW")
        try await control.control(#"{"late-commit-ms": 100}"#)
        let soon = await client.call(.recharge, body: RequestBodies.recharge("SB000001", "4"), requestNo: "LATESOON")
        for outcome in [slow, soon] {
            guard case .unknown = outcome else { return XCTFail("expected unknown, got \(outcome)") }
        }
        first.child.send(SIGKILL)
        first.child.wait(limit: 10)
        try await Task.sleep(for: .milliseconds(300))
        let second = try SandboxChild(directory: folder, extra: ["--state", statePath])
        addTeardownBlock { second.stop() }
        let state = try await SandboxEndpoints(port: second.port).state()
        let committed = transactions(state)
        XCTAssertEqual(committed.map { $0.text("requestNo") }, ["LATESOON"])
        XCTAssertEqual(committed.first?.text("amount"), "4")
        let waiting = (state["lateCommits"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertEqual(waiting.map { $0.text("requestNo") }, ["LATESLOW"])
        XCTAssertEqual(state.text("merchantBalance"), "999996.00")
    }
}
