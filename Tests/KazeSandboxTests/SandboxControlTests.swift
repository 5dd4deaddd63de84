// SandboxControlTests: `POST /_sandbox/control` changes settings at run time (all or nothing,
// 400 with a JSON error for unknown keys and bad values), the rate-limit answer styles, the
// Date header on every answer, and the replay of the new faults from one seed.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxControlTests: XCTestCase {
    func testControlChangesSettingsAndRefusesBadOnesWithoutChangingAnything() async throws {
        let (sandbox, port) = try startSandbox { $0.cards = 1 }
        let endpoints = SandboxEndpoints(port: port)
        let changed = try await endpoints.control(#"{"drop-after-commit": 0.5, "utc-offset": "+08:00", "dedupe": "reject"}"#)
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.json.objectValue?["drop-after-commit"], .number("0.5"))
        XCTAssertEqual(changed.json.objectValue?.text("utc-offset"), "+08:00")
        XCTAssertEqual(changed.json.objectValue?.text("dedupe"), "reject")
        XCTAssertEqual(changed.json.objectValue?.keys, SandboxOptions.runtimeSettings)
        for (body, named) in [
            (#"{"bogus": 1}"#, "bogus"), (#"{"utc-offset": "+25:00"}"#, "utc-offset"), (#"{"fail-rate": 2}"#, "fail-rate"),
            (#"{"late-commit-ms": -1}"#, "late-commit-ms"), (#"{"port": 80}"#, "port"), (#"{"fail-rate": true}"#, "fail-rate"),
            (#"{"fail-rate": 0.5, "dedupe": "maybe"}"#, "dedupe"), ("[1]", "JSON object"), ("not json", "JSON object"),
        ] {
            let refused = try await endpoints.control(body)
            XCTAssertEqual(refused.status, 400, body)
            XCTAssertTrue(refused.json.objectValue?.text("error")?.contains(named) == true, "\(body): \(refused.json)")
        }
        let settings = try await endpoints.state()["settings"]?.objectValue
        XCTAssertEqual(settings?["fail-rate"], .number("0.0"), "a refused request changes nothing")
        XCTAssertEqual(settings?.text("utc-offset"), "+08:00")
        XCTAssertEqual(try WireClient(port: port).call("queryCard", RequestBodies.card("SB000001")).code, "SUCCESS")
        XCTAssertEqual(sandbox.transactionCount, 0)
    }

    func testAControlledFaultReallyHappensAndIsCounted() async throws {
        let fixture = try startWithClient { $0.cards = 1 }
        let endpoints = SandboxEndpoints(port: fixture.port)
        try await endpoints.control(#"{"drop-after-commit": 1}"#)
        let dropped = await fixture.client.call(.recharge, body: RequestBodies.recharge("SB000001", "1"), requestNo: RequestNumber.make())
        guard case .unknown = dropped else { return XCTFail("expected unknown, got \(dropped)") }
        try await endpoints.control(#"{"drop-after-commit": 0, "rate-limit": 0.001, "rate-limit-style": "envelope"}"#)
        _ = await fixture.client.call(.card, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        let limited = await fixture.client.call(.card, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        XCTAssertEqual(limited.platformCode, .rateLimited)
        try await endpoints.control(#"{"rate-limit": null}"#)
        guard case .success = await fixture.client.call(.card, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        else { return XCTFail("unlimited again") }
        let faults = try await endpoints.state()["faults"]?.objectValue
        XCTAssertEqual(faults?["drop-after-commit"], .number("1"))
        XCTAssertEqual(faults?["rate-limit"], .number("1"))
        XCTAssertEqual(faults?["late-commit"], .number("0"))
        XCTAssertEqual(fixture.transactionCount, 1)
    }

    func testEveryInjectedFaultKindIsCounted() async throws {
        let fixture = try startWithClient(timeoutSeconds: 2) { $0.cards = 1 }
        let endpoints = SandboxEndpoints(port: fixture.port)
        for setting in [#"{"fail-rate": 1}"#, #"{"fail-rate": 0, "timeout-rate": 1}"#, #"{"timeout-rate": 0, "bad-sign-rate": 1}"#] {
            try await endpoints.control(setting)
            _ = await fixture.client.call(.card, body: RequestBodies.card("SB000001"), requestNo: RequestNumber.make())
        }
        let state = try await endpoints.state()
        let faults = try XCTUnwrap(state["faults"]?.objectValue)
        XCTAssertEqual(
            faults.keys,
            [
                "rate-limit", "fail", "timeout", "late-commit", "drop-after-commit", "gateway-error-after-commit", "bad-sign",
                "recharge-fail", "dedupe",
            ])
        XCTAssertEqual(faults["fail"], .number("1"))
        XCTAssertEqual(faults["timeout"], .number("1"))
        XCTAssertEqual(faults["bad-sign"], .number("1"))
        XCTAssertEqual(faults["drop-after-commit"], .number("0"))
    }

    func testRateLimitStyle429AnswersOnlyHTTP429WithADateHeader() throws {
        let (_, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(rateLimit: 0.001, rateLimitStyle: .http429)
        }
        let client = try WireClient(port: port)
        _ = try client.call("queryCard", RequestBodies.card("SB000001"))
        for _ in 0..<8 {
            let reply = try client.call("queryCard", RequestBodies.card("SB000001"))
            XCTAssertEqual(reply.status, 429)
            XCTAssertNotNil(HTTPDate.parse(reply.headers["date"]))
        }
    }

    func testOneSeedReplaysTheNewFaults() throws {
        func run(seed: UInt64) throws -> [String] {
            let (_, port) = try startSandbox {
                $0.cards = 1
                $0.faults = FaultOptions(gatewayErrorRate: 0.4, rechargeFailRate: 0.5, seed: seed)
            }
            let client = try WireClient(port: port)
            return try (0..<20).map { _ in
                let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
                return String(reply.status)
            }
        }
        let first = try run(seed: 42)
        XCTAssertEqual(try run(seed: 42), first)
        XCTAssertEqual(Set(first), ["200", "502", "504"])
    }

    func testANewSeedThroughControlRestartsTheSameFaults() async throws {
        let (_, port) = try startSandbox {
            $0.cards = 1
            $0.faults = FaultOptions(failRate: 0.5, seed: 5)
        }
        let client = try WireClient(port: port)
        func statuses() throws -> [String] {
            try (0..<16).map { _ in
                let reply = try client.call("queryCard", RequestBodies.card("SB000001"))
                return reply.status == 200 ? reply.code ?? "?" : String(reply.status)
            }
        }
        let first = try statuses()
        try await SandboxEndpoints(port: port).control(#"{"seed": 5}"#)
        XCTAssertEqual(try statuses(), first)
    }
}
