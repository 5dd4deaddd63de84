// SandboxEnvelopeTests: the envelope as the sandbox reads and writes it — echoes, SIGN_ERROR
// without a body, unknown apiCode, bad requestNo, non-envelope bodies, the state endpoint.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxEnvelopeTests: XCTestCase {
    func testResponseEchoesTheHeadAndVerifies() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        let reply = try WireClient(port: port).call("queryCard", RequestBodies.card("SB000001"), requestNo: "2024062810200868740754")
        XCTAssertEqual(reply.head?.apiCode, "queryCard")
        XCTAssertEqual(reply.head?.sysId, WireClient.sysId)
        XCTAssertEqual(reply.head?.requestNo, "2024062810200868740754")
        XCTAssertEqual(reply.head?.version, "1.0")
        XCTAssertEqual(reply.code, "SUCCESS")
        XCTAssertNil(reply.openError)
        XCTAssertEqual(reply.body?.keys.first, "encrypt")
    }

    func testBadEnvelopesAreSignErrorsWithoutBody() throws {
        let (sandbox, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        let tampers: [(inout WireMessage) -> Void] = [
            { $0.head.sign = "00" + $0.head.sign.dropFirst(2) },
            { $0.head.keyEnc = "zz" },
            { $0.encrypt = "bm90IGEgcmVhbCBjaXBoZXJ0ZXh0" },
            { $0.encrypt = nil },
        ]
        for (index, tamper) in tampers.enumerated() {
            let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"), tamper: tamper)
            XCTAssertEqual(reply.code, "SIGN_ERROR", "tamper \(index)")
            XCTAssertNil(reply.body, "tamper \(index)")
            XCTAssertEqual(reply.head?.sign, "")
        }
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SB000001"), sysId: "999").code, "SIGN_ERROR")
        XCTAssertEqual(sandbox.stateJSON().objectValue?["transactions"]?.arrayValue?.count, 0)
    }

    func testUnknownApiCodeAndBadRequestNoAreParamErrors() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        XCTAssertEqual(try client.call("cardSteal", RequestBodies.card("SB000001")).code, "PARAM_ERROR")
        XCTAssertEqual(try client.call("queryCard", RequestBodies.card("SB000001"), requestNo: "has-dash").code, "PARAM_ERROR")
        XCTAssertEqual(
            try client.call("queryCard", RequestBodies.card("SB000001"), requestNo: String(repeating: "1", count: 33)).code, "PARAM_ERROR")
        XCTAssertEqual(
            try client.call("queryCard", RequestBodies.card("SB000001"), requestNo: String(repeating: "1", count: 32)).code, "SUCCESS")
    }

    func testNonEnvelopeBodiesAre400AndTheStateEndpointAnswers() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        XCTAssertEqual(try client.send(Array("{\"head\":{}}".utf8)).status, 400)
        XCTAssertEqual(try client.send(Array("[1,2".utf8)).status, 400)
        let raw = try RawHTTPClient(port: port)
        raw.write("GET /_sandbox/state HTTP/1.1\r\nHost: x\r\n\r\n")
        let state = try raw.readResponse()
        XCTAssertEqual(state.status, 200)
        XCTAssertEqual(try JSONValue.parse(state.body).objectValue?.text("merchantBalance"), "1000000.00")
        raw.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(try raw.readResponse().status, 405)
    }

    func testMalformedHTTPIsAnswered400AndTheSandboxKeepsServing() throws {
        let (_, port) = try startSandbox { $0.cards = 1 }
        for garbage in ["\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", "PO ST\r\n\r\n"] {
            let raw = try RawHTTPClient(port: port)
            raw.write(garbage)
            XCTAssertEqual(try raw.readResponse().status, 400, garbage.debugDescription)
        }
        XCTAssertEqual(try WireClient(port: port).call("queryCard", RequestBodies.card("SB000001")).code, "SUCCESS")
    }

    func testDedupeReturnsTheFirstResultAndRefusesChangedContent() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.dedupe = .replay
        }
        let client = try WireClient(port: port)
        let first = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "7"), requestNo: "SAME1")
        let again = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "7"), requestNo: "SAME1")
        XCTAssertEqual(first.text("transactionId"), again.text("transactionId"))
        XCTAssertEqual(
            try client.call("cardRecharge", RequestBodies.recharge("SB000001", "8"), requestNo: "SAME1").code, "DUPLICATE_REQUEST")
        XCTAssertEqual(sandbox.stateJSON().objectValue?["transactions"]?.arrayValue?.count, 1)
    }

    func testWithoutDedupeARepeatedRequestNoPaysTwice() throws {
        let (sandbox, port) = try startSandbox { $0.cards = 1 }
        let client = try WireClient(port: port)
        let first = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "7"), requestNo: "SAME1")
        let again = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "7"), requestNo: "SAME1")
        XCTAssertNotEqual(first.text("transactionId"), again.text("transactionId"))
        XCTAssertEqual(sandbox.stateJSON().objectValue?.text("merchantBalance"), "999986.00")
    }

    func testStateFileIsWrittenAndReloaded() throws {
        let path = try temporaryFolder("sandbox").path("state.json")
        let (first, port) = try startSandbox {
            $0.cards = 2
            $0.stateFile = path
            $0.pendingMs = 3_600_000
        }
        let client = try WireClient(port: port)
        _ = try client.call("cardRecharge", RequestBodies.recharge("SB000002", "12.34"))
        _ = try client.call("setUcardKyc", RequestBodies.kyc("p@example.com"))
        let logged = try String(contentsOfFile: path + ".log", encoding: .utf8)
        XCTAssertTrue(logged.contains("p@example.com"), "a change is in the operation log before it is answered")
        XCTAssertFalse(logged.contains("data:image"), "images are never written")
        first.stop()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let reloaded = try Sandbox(
            options: try TestKeys.options {
                $0.stateFile = path
                $0.cards = 50
                $0.pendingMs = 3_600_000
            })
        var before = first.stateJSON().objectValue
        var after = reloaded.stateJSON().objectValue
        before?["http"] = nil  // the HTTP counters are the process's, not the state's
        after?["http"] = nil
        XCTAssertEqual(after, before)
        XCTAssertEqual(reloaded.stateJSON().objectValue?["cards"]?.arrayValue?.count, 2)
        XCTAssertEqual(reloaded.stateJSON().objectValue?.text("merchantBalance"), "999987.66")
        try Data("{\"version\":1}".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Sandbox(options: try TestKeys.options { $0.stateFile = path })) { error in
            XCTAssertTrue("\(error)".contains("inventorySize"), "\(error)")
        }
        XCTAssertThrowsError(try Sandbox(options: try TestKeys.options { $0.stateFile = "/nonexistent-folder/state.json" }))
    }
}
