// CallProcessTests: `kazebatch call` end to end — the built binary against `kazebatch sandbox`,
// checking stdout JSON (masked), stderr and the exit status for success and failures.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

final class CallProcessTests: XCTestCase {
    private func sandboxConfig() throws -> String {
        let directory = try temporaryFolder("kazecall-sandbox").url.appendingPathComponent("sandbox")
        let sandbox = try SandboxChild(directory: directory, extra: ["--cards", "2"])
        addTeardownBlock { sandbox.stop() }
        return sandbox.configPath
    }

    func testCallPrintsMaskedJSONAndExitCodes() throws {
        let config = try sandboxConfig()
        let card = try KazebatchChild.run(["call", "queryCard", "cardID=SB000001", "--config", config])
        XCTAssertEqual(card.status, 0, card.stderr)
        let body = try XCTUnwrap(try JSONValue.parse(card.stdout.trimmingCharacters(in: .newlines)).objectValue)
        XCTAssertEqual(body.text("encrypt"), "SUCCESS")
        XCTAssertEqual(body.text("cardID"), "SB000001")
        let cardNo = try XCTUnwrap(body.text("cardNo"))
        XCTAssertTrue(cardNo.dropFirst(6).dropLast(4).allSatisfy { $0 == "*" }, cardNo)
        XCTAssertNil(body["cardCvv"])

        let recharge = try KazebatchChild.run(["call", "recharge", "cardID=SB000002", "amount=10.50", "currency=USD", "--config", config])
        XCTAssertEqual(recharge.status, 0, recharge.stderr)
        let credited = try XCTUnwrap(try JSONValue.parse(recharge.stdout.trimmingCharacters(in: .newlines)).objectValue)
        XCTAssertEqual(credited.text("sendAmount"), "10.50")

        let missing = try KazebatchChild.run(["call", "queryCard", "cardID=NOPE0001", "--config", config])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertTrue(missing.stderr.contains("platform error NOT_FOUND"), missing.stderr)

        let typo = try KazebatchChild.run(["call", "queryCard", "card=SB000001", "--config", config])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr, "kazebatch: queryCard has no field \"card\"; fields: cardID\n")
    }
}
