// AESCipherTests: known answers from NIST SP 800-38A, PKCS#7 padding and its rejection.

import KazeCrypto
import XCTest

final class AESCipherTests: XCTestCase {
    // NIST SP 800-38A F.1.1 / F.1.5 (ECB) and F.2.1 / F.2.5 (CBC, whose first block with a
    // zero IV equals ECB of the plain block).
    private let key128 = Hex.decode("2b7e151628aed2a6abf7158809cf4f3c") ?? []
    private let key256 = Hex.decode("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4") ?? []
    private let block = Hex.decode("6bc1bee22e409f96e93d7e117393172a") ?? []

    func testConstantsDecoded() {
        XCTAssertEqual([key128.count, key256.count, block.count], [16, 32, 16])
    }

    func testECBKnownAnswersWithAFullPaddingBlock() throws {
        let out128 = try AESCipher.encrypt(block, key: key128, mode: .ecb)
        XCTAssertEqual(out128.count, 32)
        XCTAssertEqual(Hex.encode(Array(out128.prefix(16))), "3ad77bb40d7a3660a89ecaf32466ef97")
        let padding = try AESCipher.decrypt(Array(out128.suffix(16)), key: key128, mode: .ecb)
        XCTAssertEqual(padding, [], "the second block is sixteen 0x10 bytes")
        let out256 = try AESCipher.encrypt(block, key: key256, mode: .ecb)
        XCTAssertEqual(Hex.encode(Array(out256.prefix(16))), "f3eed1bdb5d2a03c064b5a7e3db181f8")
    }

    func testCBCZeroIVChainsBlocks() throws {
        let plain = block + block
        let ecb = try AESCipher.encrypt(plain, key: key128, mode: .ecb)
        let cbc = try AESCipher.encrypt(plain, key: key128, mode: .cbcZeroIV)
        XCTAssertEqual(Array(cbc.prefix(16)), Array(ecb.prefix(16)))
        XCTAssertNotEqual(Array(cbc[16..<32]), Array(ecb[16..<32]))
        XCTAssertEqual(try AESCipher.decrypt(cbc, key: key128, mode: .cbcZeroIV), plain)
    }

    func testRoundTripsEveryLength() throws {
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 1000] {
            let plain = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            for mode in AESMode.allCases {
                for key in [key128, key256] {
                    let sealed = try AESCipher.encrypt(plain, key: key, mode: mode)
                    XCTAssertEqual(sealed.count, (length / 16 + 1) * 16)
                    XCTAssertEqual(try AESCipher.decrypt(sealed, key: key, mode: mode), plain)
                }
            }
        }
    }

    func testBadPaddingWrongSizesAndWrongKeysAreRejected() throws {
        var sealed = try AESCipher.encrypt(Array("twelve bytes".utf8), key: key128, mode: .ecb)
        let raw = try AESCipher.decrypt(sealed, key: key128, mode: .ecb)
        XCTAssertEqual(raw, Array("twelve bytes".utf8))
        sealed[sealed.count - 1] ^= 0x01
        XCTAssertThrowsError(try AESCipher.decrypt(sealed, key: key128, mode: .ecb)) {
            guard case CryptoError.decryptionFailed(let reason)? = $0 as? CryptoError else { return XCTFail("\($0)") }
            XCTAssertTrue(reason.contains("bad decrypt"), reason)
        }
        XCTAssertThrowsError(try AESCipher.decrypt([1, 2, 3], key: key128, mode: .ecb)) {
            XCTAssertEqual(
                $0 as? CryptoError, .malformedField(field: "body.encrypt", reason: "3 bytes is not a whole number of AES blocks"))
        }
        XCTAssertThrowsError(try AESCipher.decrypt([], key: key128, mode: .ecb))
        XCTAssertThrowsError(try AESCipher.encrypt([1], key: Array(key128.prefix(15)), mode: .ecb)) {
            XCTAssertEqual($0 as? CryptoError, .invalidAESKeyLength(bytes: 15, expected: 16))
        }
        XCTAssertThrowsError(try AESCipher.encrypt([1], key: Array(repeating: 0, count: 24), mode: .cbcZeroIV))
    }
}
