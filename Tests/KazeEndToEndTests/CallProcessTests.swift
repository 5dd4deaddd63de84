// CallProcessTests: `kazebatch call` end to end — the built binary against `kazebatch sandbox`,
// checking stdout JSON (masked), stderr and the exit status for success and failures.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

final class CallProcessTests: XCTestCase {
    private func sandboxConfig(_ extra: [String] = []) throws -> String { try startSandbox(extra).configPath }

    private func startSandbox(_ extra: [String] = []) throws -> SandboxChild {
        let directory = try temporaryFolder("kazecall-sandbox").url.appendingPathComponent("sandbox")
        let sandbox = try SandboxChild(directory: directory, extra: ["--cards", "2"] + extra)
        addTeardownBlock { sandbox.stop() }
        return sandbox
    }

    /// Runs `kazebatch` in a fresh working folder (where calls keep their `.kazebatch/calls/`).
    private func call(_ arguments: [String], in folder: URL) throws -> ChildResult {
        try KazebatchChild.run(["call"] + arguments, in: folder)
    }

    func testCallPrintsMaskedJSONAndExitCodes() throws {
        let config = try sandboxConfig()
        let work = try temporaryFolder("kazecall-work").url
        let card = try call(["queryCard", "cardID=SB000001", "--config", config], in: work)
        XCTAssertEqual(card.status, 0, card.stderr)
        let body = try XCTUnwrap(try JSONValue.parse(card.stdout.trimmingCharacters(in: .newlines)).objectValue)
        XCTAssertEqual(body.text("encrypt"), "SUCCESS")
        XCTAssertEqual(body.text("cardID"), "SB000001")
        let cardNo = try XCTUnwrap(body.text("cardNo"))
        XCTAssertTrue(cardNo.dropFirst(6).dropLast(4).allSatisfy { $0 == "*" }, cardNo)
        XCTAssertNil(body["cardCvv"])

        let recharge = try call(["recharge", "cardID=SB000002", "amount=10.50", "currency=USD", "--yes", "--config", config], in: work)
        XCTAssertEqual(recharge.status, 0, recharge.stderr)
        let credited = try XCTUnwrap(try JSONValue.parse(recharge.stdout.trimmingCharacters(in: .newlines)).objectValue)
        XCTAssertEqual(credited.text("sendAmount"), "10.50")

        let missing = try call(["queryCard", "cardID=NOPE0001", "--config", config], in: work)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertTrue(missing.stderr.contains("platform error NOT_FOUND"), missing.stderr)

        let typo = try call(["queryCard", "card=SB000001", "--config", config], in: work)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(
            typo.stderr.hasPrefix("kazebatch: queryCard has no field \"card\" (did you mean `cardID`?); fields: cardID, ref\n"),
            typo.stderr)
    }

    func testRefusedCallsSendNothing() throws {
        let config = try sandboxConfig()
        let work = try temporaryFolder("kazecall-refused").url
        let pin = try call(["cardSetPin", "cardID=SB000001", "pin=12345", "--config", config], in: work)
        XCTAssertEqual(pin.status, 2)
        XCTAssertTrue(pin.stderr.contains("pin must be exactly 6 digits"), pin.stderr)
        XCTAssertFalse(pin.stderr.contains("12345"), "the PIN is never echoed")
        let unconfirmed = try call(["cardRecharge", "cardID=SB000001", "amount=5.00", "--config", config], in: work)
        XCTAssertEqual(unconfirmed.status, 2)
        XCTAssertTrue(unconfirmed.stderr.contains("would move 5.00 USD onto card SB000001"), unconfirmed.stderr)
        let close = try call(["closeCard", "cardID=SB000001", "--config", config], in: work)
        XCTAssertEqual(close.status, 2)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: work.appendingPathComponent(".kazebatch").path),
            "a refused call leaves no journal: nothing was sent")
        let balance = try call(["cardBalance", "cardID=SB000001", "--config", config], in: work)
        XCTAssertEqual(
            try JSONValue.parse(balance.stdout).objectValue?["avaBalance"]?.numberText, "0.00", "no recharge reached the platform")
    }

    func testStateChangingCallIsJournaledAuditedAndNeverSentTwice() throws {
        let config = try sandboxConfig()
        let work = try temporaryFolder("kazecall-journal").url
        let words = ["cardRecharge", "cardID=SB000001", "amount=7.25", "--yes", "--config", config]
        let first = try call(words, in: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        let calls = work.appendingPathComponent(".kazebatch/calls")
        let folders = try FileManager.default.contentsOfDirectory(atPath: calls.path).filter { $0 != "audit-heads" }
        XCTAssertEqual(folders.count, 1, "one call folder beside the state dir's audit head records")
        let folder = calls.appendingPathComponent(folders[0])
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains(#""state":"SUCCEEDED""#), journal)
        let audit = try String(contentsOf: folder.appendingPathComponent("audit.csv"), encoding: .utf8)
        XCTAssertTrue(audit.contains(",cardRecharge,") && audit.contains(",SUCCEEDED,SUCCESS,7.25,USD,SB000001,"), audit)
        let verify = try KazebatchChild.run(["audit", "verify", folder.appendingPathComponent("audit.csv").path])
        XCTAssertEqual(verify.status, 0, verify.stderr)

        let again = try call(words, in: work)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("is done: this same call was confirmed earlier"), again.stderr)
        let anew = try call(words + ["ref=second"], in: work)
        XCTAssertEqual(anew.status, 0, anew.stderr)
        let balance = try call(["cardBalance", "cardID=SB000001", "--config", config], in: work)
        XCTAssertEqual(try JSONValue.parse(balance.stdout).objectValue?["avaBalance"]?.numberText, "14.50", "sent twice, not three times")
    }

    func testCallInDoubtSaysHowToResumeAndTheSameCommandSettlesIt() async throws {
        let sandbox = try startSandbox(["--gateway-error-after-commit", "1"])
        let work = try temporaryFolder("kazecall-doubt").url
        let words = ["cardRecharge", "cardID=SB000001", "amount=3.00", "--yes", "--config", sandbox.configPath]
        let doubt = try call(words, in: work)
        XCTAssertEqual(doubt.status, 5, doubt.stderr)
        XCTAssertTrue(
            doubt.stderr.contains(
                "Run the same command again later to reconcile it through reads (nothing is sent"
                    + " twice): kazebatch call cardRecharge cardID=SB000001 amount=3.00 --yes --config"),
            doubt.stderr)
        _ = try await SandboxEndpoints(port: sandbox.port).control(#"{"gateway-error-after-commit": 0}"#)
        let settled = try call(words, in: work)
        XCTAssertEqual(settled.status, 0, settled.stderr)
        XCTAssertTrue(settled.stderr.contains("nothing was sent"), settled.stderr)
        let balance = try call(["cardBalance", "cardID=SB000001", "--config", sandbox.configPath], in: work)
        XCTAssertEqual(try JSONValue.parse(balance.stdout).objectValue?["avaBalance"]?.numberText, "3.00", "credited once")
    }
}
