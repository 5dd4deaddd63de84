// OutcomeClassTests: each class of CallResult produced by a real exchange over loopback —
// business failure, platform codes, HTTP errors, untrustworthy answers, and transport
// failures before (not sent) and after (unknown) the request went out.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

final class OutcomeClassTests: XCTestCase {
    private let body = JSONObject([("cardID", .string("SB000001"))])

    /// Calls `queryCard` against a server answering with `respond` (given the platform side
    /// and the opened request, or `nil` when it did not open).
    private func outcome(
        timeout: Double = 5,
        _ respond: @escaping @Sendable (PlatformSide, ReceivedRequest?, HTTPRequest) async -> HTTPResponse
    ) async throws -> CallResult {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let platform = PlatformSide(codec: try TestKeys.platformCodec())
        let server = try TestServer(self) { request in await respond(platform, platform.open(request), request) }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port, timeout: timeout))
        return await client.call(.card, body: body, requestNo: "2026112512000012345678")
    }

    func testBusinessFailure() async throws {
        let result = try await outcome { platform, received, _ in
            platform.answer(
                head(received),
                body: JSONObject([("encrypt", .string("FAILED")), ("cardID", .string("SB000001"))]))
        }
        XCTAssertEqual(result, .businessFailure(body: JSONObject([("encrypt", .string("FAILED")), ("cardID", .string("SB000001"))])))
        XCTAssertFalse(result.isTransient)
    }

    func testPlatformErrorsKeepCodeDetailAndRetryAfter() async throws {
        let final = try await outcome { platform, received, _ in
            platform.answer(head(received), code: "NOT_FOUND", detail: "no such card", body: nil)
        }
        XCTAssertEqual(final, .platformError(code: .notFound, detail: "no such card", retryAfter: nil))
        XCTAssertFalse(final.isTransient)
        let limited = try await outcome { platform, received, _ in
            platform.answer(
                head(received), code: "RATE_LIMITED", detail: "slow down", body: nil,
                status: 429, headers: ["Retry-After": "3"])
        }
        XCTAssertEqual(limited, .platformError(code: .rateLimited, detail: "slow down", retryAfter: 3))
        XCTAssertTrue(limited.isTransient)
        XCTAssertTrue(limited.isRateLimited)
    }

    func testHTTP429And500WithoutEnvelope() async throws {
        let limited = try await outcome { _, _, _ in .text(status: 429, "busy", headers: ["Retry-After": "7"]) }
        XCTAssertEqual(limited, .httpError(status: 429, retryAfter: 7))
        XCTAssertTrue(limited.isTransient)
        let broken = try await outcome { _, _, _ in .text(status: 500, "oops") }
        XCTAssertEqual(broken, .httpError(status: 500, retryAfter: nil))
        XCTAssertFalse(broken.isTransient, "a 5xx may follow a commit: it proves nothing")
        let missing = try await outcome { _, _, _ in .text(status: 404, "no") }
        XCTAssertEqual(missing, .httpError(status: 404, retryAfter: nil))
        XCTAssertFalse(missing.isTransient)
    }

    func testBadSignatureIsAProtocolError() async throws {
        // Sealed for the merchant but signed with the merchant's own key instead of the platform's.
        let merchant = try TestKeys.merchant
        let forged = EnvelopeCodec(profile: .kazepayV1, ownPrivateKey: merchant, peerPublicKey: try merchant.publicKey())
        let result = try await outcome { platform, received, _ in
            platform.answer(
                head(received), body: JSONObject([("encrypt", .string("SUCCESS"))]),
                sealWith: forged)
        }
        guard case .protocolError(let reason) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(reason.hasPrefix("cannot open the response"), reason)
        XCTAssertFalse(result.isTransient)
    }

    func testGarbageAndMismatchedAnswersAreProtocolErrors() async throws {
        let garbage = try await outcome { _, _, _ in .json(bytes: Array("<html>hello</html>".utf8)) }
        guard case .protocolError(let reason) = garbage else { return XCTFail("\(garbage)") }
        XCTAssertTrue(reason.hasPrefix("the response is not an envelope"), reason)
        let other = try await outcome { platform, received, _ in
            var head = head(received)
            head.requestNo = "2026112512000099999999"
            return platform.answer(head, body: JSONObject([("encrypt", .string("SUCCESS"))]))
        }
        XCTAssertEqual(
            other, .protocolError(reason: "the response answers queryCard 2026112512000099999999, not queryCard 2026112512000012345678"))
        let empty = try await outcome { platform, received, _ in platform.answer(head(received), body: nil) }
        XCTAssertEqual(empty, .protocolError(reason: "a SUCCESS response without a body"))
        let odd = try await outcome { platform, received, _ in
            platform.answer(head(received), body: JSONObject([("encrypt", .string("MAYBE"))]))
        }
        XCTAssertEqual(odd, .protocolError(reason: "the decrypted body's encrypt is neither SUCCESS nor FAILED"))
    }

    func testDroppedConnectionIsUnknown() async throws {
        let result = try await outcome { _, _, _ in .drop }
        guard case .unknown = result else { return XCTFail("\(result)") }
        XCTAssertFalse(result.isTransient)
    }

    func testSlowAnswerPastTheTimeoutIsUnknown() async throws {
        let result = try await outcome(timeout: 0.3) { platform, received, _ in
            try? await Task.sleep(for: .milliseconds(1_000))
            return platform.answer(head(received), body: JSONObject([("encrypt", .string("SUCCESS"))]))
        }
        guard case .unknown(let reason) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(reason.hasPrefix("timed out"), reason)
    }

    func testNothingListeningIsNotSent() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: try TestServer.closedPort()))
        let result = await client.call(.card, body: body, requestNo: "2026112512000012345678")
        guard case .notSent(let reason) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(reason.hasPrefix("connection refused"), reason)
        XCTAssertTrue(result.isTransient)
    }

    func testInvalidRequestNoIsNotSent() async throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let platform = PlatformSide(codec: try TestKeys.platformCodec())
        let server = try TestServer(self) { request in platform.answer(head(platform.open(request)), body: nil) }
        let client = try KazePayClient(configuration: testConfiguration(folder: folder, port: server.port))
        let result = await client.call(.card, body: body, requestNo: "2026-11-25")
        XCTAssertEqual(result, .notSent(reason: "requestNo \"2026-11-25\" is not 1-32 letters or digits"))
        XCTAssertTrue(platform.log.all.isEmpty)
    }
}

/// The head of an opened request, or an empty one when it did not open (then the client sees
/// a mismatched answer and the test fails on its outcome).
private func head(_ received: ReceivedRequest?) -> WireHead {
    received?.head ?? WireHead(apiCode: "", sysId: "", requestNo: "")
}
