// EnvelopeCodecTests: seal/open round trips in all eight profile combinations, the shape of
// what seal produces, and rejection when sender, receiver or settings do not match.

import KazeCrypto
import XCTest

final class EnvelopeCodecTests: XCTestCase {
    private func pair(_ profile: CryptoProfile) throws -> (merchant: EnvelopeCodec, platform: EnvelopeCodec) {
        let merchant = EnvelopeCodec(
            profile: profile, ownPrivateKey: try Fixtures.privateKey("merchant"), peerPublicKey: try Fixtures.publicKey("platform"))
        let platform = EnvelopeCodec(
            profile: profile, ownPrivateKey: try Fixtures.privateKey("platform"), peerPublicKey: try Fixtures.publicKey("merchant"))
        return (merchant, platform)
    }

    func testEveryProfileRoundTripsBothWays() throws {
        let plain = Array("{\"cardID\":\"SB000001\",\"amount\":10.50,\"note\":\"żółw 🐢\"}".utf8)
        for digest in SignDigest.allCases {
            for bits in AESKeyBits.allCases {
                for mode in AESMode.allCases {
                    let codecs = try pair(CryptoProfile(signDigest: digest, aesKeyBits: bits, aesMode: mode))
                    XCTAssertEqual(try codecs.platform.open(try codecs.merchant.seal(plain)), plain)
                    XCTAssertEqual(try codecs.merchant.open(try codecs.platform.seal(plain)), plain)
                }
            }
        }
    }

    func testSealedFieldsHaveTheDocumentedEncodings() throws {
        let codecs = try pair(.kazepayV1)
        let plain = Array("{\"cardID\":\"R000001\"}".utf8)
        let sealed = try codecs.merchant.seal(plain)
        XCTAssertEqual(sealed.sign, Hex.encode(try Fixtures.privateKey("merchant").sign(plain, digest: .sha256)))
        XCTAssertEqual(sealed.keyEnc.count, 512)
        XCTAssertEqual(sealed.keyEnc, sealed.keyEnc.lowercased())
        XCTAssertEqual(Base64.decode(sealed.encrypt)?.count, 32)
        let key = try Fixtures.privateKey("platform").decrypt(try XCTUnwrap(Hex.decode(sealed.keyEnc)))
        XCTAssertEqual(key.count, 16)
        XCTAssertNotEqual(try codecs.merchant.seal(plain).keyEnc, sealed.keyEnc, "a fresh AES key per message")
    }

    func testMismatchedSettingsAreRejected() throws {
        let plain = Array("{}".utf8)
        let sealed = try pair(CryptoProfile(aesKeyBits: .bits256)).merchant.seal(plain)
        XCTAssertThrowsError(try pair(.kazepayV1).platform.open(sealed)) {
            guard case CryptoError.keyUnwrapFailed(let reason)? = $0 as? CryptoError else { return XCTFail("\($0)") }
            XCTAssertEqual(reason, "got 32 bytes, expected 16 for AES-128")
        }
        let sha1 = try pair(CryptoProfile(signDigest: .sha1)).merchant.seal(plain)
        XCTAssertThrowsError(try pair(.kazepayV1).platform.open(sha1)) { XCTAssertEqual($0 as? CryptoError, .badSignature) }
    }

    func testOwnMessagesDoNotOpenAtTheSender() throws {
        let codecs = try pair(.kazepayV1)
        XCTAssertThrowsError(try codecs.merchant.open(try codecs.merchant.seal([1, 2, 3])))
    }

    func testEmptyAndMalformedFieldsAreRejected() throws {
        let codecs = try pair(.kazepayV1)
        let good = try codecs.merchant.seal(Array("{}".utf8))
        for broken in [
            SealedEnvelope(sign: "", keyEnc: good.keyEnc, encrypt: good.encrypt),
            SealedEnvelope(sign: good.sign, keyEnc: "", encrypt: good.encrypt),
            SealedEnvelope(sign: good.sign, keyEnc: good.keyEnc, encrypt: ""),
            SealedEnvelope(sign: good.sign, keyEnc: good.keyEnc, encrypt: "not base64"),
            SealedEnvelope(sign: good.sign + "0", keyEnc: good.keyEnc, encrypt: good.encrypt),
        ] {
            XCTAssertThrowsError(try codecs.platform.open(broken))
        }
        XCTAssertEqual(try codecs.platform.open(good), Array("{}".utf8))
    }
}
