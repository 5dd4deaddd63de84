// SandboxCapsTests: the sandbox's memory and connection caps, with small values so no test opens
// 256 sockets or sends 256 MiB — one connection over the cap gets 503 with Retry-After and is
// closed, the connection whose bytes would pass the buffered-bytes cap gets 503 and the others are
// served, a body over the limit gets 413, and the peak of buffered bytes the sandbox reports stays
// under its cap. The default body limit holds a KYC request with three 5 MiB images.

import Foundation
import KazeCrypto
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxCapsTests: XCTestCase {
    /// The sandbox's `http` counters as `GET /_sandbox/state` reports them.
    private func http(_ sandbox: Sandbox) -> [String: Int] {
        let members = sandbox.stateJSON().objectValue?["http"]?.objectValue?.members ?? []
        return Dictionary(uniqueKeysWithValues: members.map { ($0.key, Int($0.value.numberText ?? "") ?? -1) })
    }

    /// Polls `condition` up to 200 times, 50 ms apart (the server thread may not have run yet).
    private func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    func testTheDefaultsAre256Connections256MiBBufferedAnd28MiBBodies() throws {
        let limits = HTTPLimits()
        XCTAssertEqual(limits.maxConnections, 256)
        XCTAssertEqual(limits.maxBufferedBytes, 256 << 20)
        XCTAssertEqual(limits.maxBodyBytes, 28 << 20)
        XCTAssertEqual(try TestKeys.options().limits, limits, "the sandbox runs with the defaults")
    }

    func testOneConnectionOverTheCapGets503WithRetryAfterAndIsClosed() throws {
        let (sandbox, port) = try startSandbox { $0.limits.maxConnections = 4 }
        var open: [RawHTTPClient] = []
        for _ in 0..<4 {  // each answered, then kept alive: four connections held
            let client = try RawHTTPClient(port: port)
            client.write("GET /_sandbox/control HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(try client.readResponse().status, 200)
            open.append(client)
        }
        let fifth = try RawHTTPClient(port: port)
        let refusal = try fifth.readResponse()
        XCTAssertEqual(refusal.status, 503)
        XCTAssertEqual(refusal.headers["retry-after"], "1")
        XCTAssertEqual(refusal.text, "too many connections\n")
        XCTAssertTrue(fifth.isClosedByPeer())
        XCTAssertEqual(http(sandbox)["refusedConnections"], 1)

        open.removeFirst()  // closed: its place is given back once the server sees the end of stream
        var served = false
        XCTAssertTrue(
            eventually {
                guard let client = try? RawHTTPClient(port: port) else { return false }
                client.write("GET /_sandbox/control HTTP/1.1\r\nHost: x\r\n\r\n")
                served = (try? client.readResponse().status) == 200
                return served
            }, "a freed place is taken again")
        XCTAssertEqual(http(sandbox)["requests"], 5)
    }

    func testTheConnectionThatWouldPassTheBufferCapGets503AndTheOthersAreServed() throws {
        let cap = 100_000
        let (sandbox, port) = try startSandbox { $0.limits.maxBufferedBytes = cap }
        let head = "POST /_sandbox/control HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n"
        let first = try RawHTTPClient(port: port)
        first.write(Array(head.utf8) + [UInt8](repeating: 0x20, count: 50_000))  // 50 kB held, 10 kB to come
        XCTAssertTrue(eventually { (http(sandbox)["bufferedBytes"] ?? 0) >= 50_000 })

        let second = try RawHTTPClient(port: port)
        second.write(Array(head.utf8) + [UInt8](repeating: 0x20, count: 60_000))  // would take it past 100 kB
        let refusal = try second.readResponse()
        XCTAssertEqual(refusal.status, 503)
        XCTAssertEqual(refusal.headers["retry-after"], "1")
        XCTAssertTrue(second.isClosedByPeer())

        first.write([UInt8](repeating: 0x20, count: 10_000))
        XCTAssertEqual(try first.readResponse().status, 400, "the first request is read whole and answered (a blank control body)")
        XCTAssertTrue(eventually { http(sandbox)["bufferedBytes"] == 0 }, "every byte is given back")
        let counts = http(sandbox)
        XCTAssertEqual(counts["refusedOverBuffer"], 1)
        XCTAssertEqual(counts["requests"], 1)
        XCTAssertLessThanOrEqual(counts["peakBufferedBytes"] ?? .max, cap)
        XCTAssertGreaterThanOrEqual(counts["peakBufferedBytes"] ?? 0, 50_000 + head.utf8.count)
    }

    func testABodyOverTheLimitIs413BeforeItIsRead() throws {
        let (sandbox, port) = try startSandbox()
        let client = try RawHTTPClient(port: port)
        client.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \((28 << 20) + 1)\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertEqual(response.text, "body of 29360129 bytes is larger than 29360128\n")
        XCTAssertTrue(client.isClosedByPeer())
        XCTAssertLessThan(http(sandbox)["peakBufferedBytes"] ?? .max, 1024, "only the head was buffered")
    }

    /// Three 5 MiB images: base64 in data URIs (21 MB of JSON), AES, base64 again in the envelope:
    /// 26.7 MiB, more than 24 MiB and within the 28 MiB default. The envelope of a small request is
    /// sealed for real; the big one's size follows from it (AES-ECB pads to 16 bytes, base64 is 4/3).
    func testAKYCRequestWithThreeFiveMiBImagesFitsTheDefaultBodyLimit() throws {
        let imageFields = ["frontImgBase64", "backImgBase64", "handheldImgBase64"]
        var kyc = RequestBodies.kyc("big@example.com", ["identificationType": "ID_CARD"])
        for field in imageFields { kyc[field] = .string("x") }
        let plain = JSONValue.object(kyc).compactBytes
        let codec = EnvelopeCodec(
            profile: CryptoProfile(), ownPrivateKey: try TestKeys.merchant,
            peerPublicKey: try TestKeys.platform.publicKey())
        let sealed = try codec.seal(plain)
        let encryptLength = { (plain: Int) in 4 * (((plain / 16 + 1) * 16 + 2) / 3) }
        XCTAssertEqual(sealed.encrypt.utf8.count, encryptLength(plain.count), "the codec's own lengths")
        let head = WireHead(
            apiCode: "setUcardKyc", sysId: "merchant-0001", requestNo: "20261203120000123456789012",
            sign: sealed.sign, keyEnc: sealed.keyEnc)
        let smallBody = WireMessage(head: head, sealed: sealed).jsonBytes.count

        let image = "data:image/jpeg;base64,".utf8.count + 4 * (((5 << 20) + 2) / 3)  // a 5 MiB JPEG as a data URI
        let bigPlain = plain.count + imageFields.count * (image - 1)
        let body = smallBody - sealed.encrypt.utf8.count + encryptLength(bigPlain)
        XCTAssertGreaterThan(body, 24 << 20, "24 MiB would refuse it")
        XCTAssertLessThanOrEqual(body, HTTPLimits().maxBodyBytes)
        XCTAssertEqual(Double(body) / Double(1 << 20), 26.67, accuracy: 0.01)
    }
}
