// DigestAndEncodingTests: SHA-256 known answers (one-shot and streaming), hex, base64, random.

import KazeCrypto
import XCTest

final class DigestAndEncodingTests: XCTestCase {
    func testSHA256KnownAnswers() {
        XCTAssertEqual(Hex.encode(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Hex.encode(SHA256.hash(Array("abc".utf8))),
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

    func testSecureRandomGivesFreshBytes() throws {
        XCTAssertEqual(try SecureRandom.bytes(0), [])
        let first = try SecureRandom.bytes(32)
        let second = try SecureRandom.bytes(32)
        XCTAssertEqual(first.count, 32)
        XCTAssertNotEqual(first, second)
    }
}
