// DigestAndEncodingTests: SHA-256 known answers (one-shot and streaming), hex, base64, random.

import Foundation
import KazeCrypto
import XCTest

final class DigestAndEncodingTests: XCTestCase {
    func testSHA256KnownAnswers() {
        XCTAssertEqual(Hex.encode(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            Hex.encode(SHA256.hash(Array("abc".utf8))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testStreamingEqualsOneShot() {
        let data = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let hasher = SHA256Hasher()
        var offset = 0
        for size in [1, 63, 64, 65, 4096, 0] + Array(repeating: 9999, count: 20) where offset < data.count {
            let end = min(offset + size, data.count)
            hasher.update(Array(data[offset..<end]))
            offset = end
        }
        data[offset...].withUnsafeBytes { hasher.update($0) }
        XCTAssertEqual(hasher.finalize(), SHA256.hash(data))
    }

    func testHexIsLowercaseOutAndEitherCaseIn() {
        XCTAssertEqual(Hex.encode([0x00, 0xAB, 0xFF, 0x10]), "00abff10")
        XCTAssertEqual(Hex.decode("00ABff10"), [0x00, 0xAB, 0xFF, 0x10])
        XCTAssertEqual(Hex.decode(""), [])
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("zz"))
        XCTAssertNil(Hex.decode("0x12"))
        XCTAssertNil(Hex.decode("é1"))
    }

    func testBase64IsStandardAndPadded() {
        XCTAssertEqual(Base64.encode(Array("any carnal pleas".utf8)), "YW55IGNhcm5hbCBwbGVhcw==")
        XCTAssertEqual(Base64.encode([0xFB, 0xFF]), "+/8=")
        XCTAssertEqual(Base64.decode("+/8="), [0xFB, 0xFF])
        XCTAssertEqual(Base64.decode(""), [])
        XCTAssertNil(Base64.decode("-_8="), "URL-safe alphabet")
        XCTAssertNil(Base64.decode("+/8"), "missing padding")
        XCTAssertNil(Base64.decode("+/8=\n"), "line break")
        XCTAssertNil(Base64.decode("+/ 8="), "space")
    }

    func testBase64MatchesFoundationAtEveryLengthAndAfterAPrefix() throws {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...70) + [65_535, 1_000_001] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Data(bytes).base64EncodedString()
            XCTAssertEqual(Base64.encode(bytes), expected, "\(length) bytes")
            XCTAssertEqual(
                bytes.withUnsafeBytes { Base64.encode($0, prefix: "data:image/png;base64,") },
                "data:image/png;base64," + expected, "\(length) bytes after an odd-length prefix")
            XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
        }
    }

    func testSecureRandomGivesFreshBytes() throws {
        XCTAssertEqual(try SecureRandom.bytes(0), [])
        let first = try SecureRandom.bytes(32)
        let second = try SecureRandom.bytes(32)
        XCTAssertEqual(first.count, 32)
        XCTAssertNotEqual(first, second)
    }
}
