// VectorTests: every case of Fixtures/vectors.json — deterministic signatures, envelopes
// that must open to the exact plain bytes, and tampered envelopes that must be rejected.

import KazeCrypto
import KazeProtocol
import XCTest

final class VectorTests: XCTestCase {
    func testSignCasesMatchByteForByte() throws {
        let cases = try Fixtures.cases("sign_cases")
        XCTAssertEqual(cases.count, 7)
        for vector in cases {
            let name = try vector.string("name")
            let signer = try vector.string("signer")
            let digest = try XCTUnwrap(SignDigest(rawValue: try vector.string("digest")))
            let plain = Array(try vector.string("plain").utf8)
            XCTAssertEqual(String(plain.count), vector["plain_len"]?.numberText, name)
            if digest == .sha256 {
                XCTAssertEqual(Hex.encode(SHA256.hash(plain)), try vector.string("digest_hex"), name)
            }
            let signature = try Fixtures.privateKey(signer).sign(plain, digest: digest)
            XCTAssertEqual(Hex.encode(signature), try vector.string("sign_hex"), name)
            XCTAssertTrue(try Fixtures.publicKey(signer).verify(signature, of: plain, digest: digest), name)
            XCTAssertFalse(try Fixtures.publicKey(signer).verify(signature, of: plain + [0x20], digest: digest), name)
        }
    }

    func testOpenCasesGiveThePlainBytes() throws {
        let cases = try Fixtures.cases("open_cases")
        XCTAssertEqual(cases.count, 14)
        for vector in cases {
            try assertOpens(vector)
        }
    }

    func testNegativeCasesAreRejectedOrAccepted() throws {
        let cases = try Fixtures.cases("negative_cases")
        XCTAssertEqual(cases.count, 9)
        var rejected = 0
        for vector in cases {
            let name = try vector.string("name")
            switch try vector.string("expect") {
            case "accept":
                try assertOpens(vector)
            case "reject":
                XCTAssertEqual(vector["plain"], .null, name)
                XCTAssertThrowsError(try codec(for: vector).open(try vector.sealedEnvelope()), name) { error in
                    let stage = (error as? CryptoError).map(Self.stage) ?? "not a CryptoError"
                    XCTAssertTrue(Self.expectedRejection[name, default: []].contains(stage), "\(name): \(error)")
                }
                rejected += 1
            default:
                XCTFail("\(name): unknown expectation")
            }
        }
        XCTAssertEqual(rejected, 8)
    }

    func testVectorKeyInsideKeyEncIsTheListedOne() throws {
        let vector = try XCTUnwrap(try Fixtures.cases("open_cases").first)
        let keyEnc = try XCTUnwrap(Hex.decode(try vector.sealedEnvelope().keyEnc))
        let key = try Fixtures.privateKey(try vector.string("receiver")).decrypt(keyEnc)
        XCTAssertEqual(Hex.encode(key), try vector.string("aes_key_hex"))
    }

    /// Why each reject case may fail: the stages of `open` allowed to catch it.
    private static let expectedRejection: [String: Set<String>] = [
        "tampered-encrypt": ["decrypt", "sign"], "tampered-sign": ["sign"], "keyenc-wrong-key": ["key"],
        "signed-by-wrong-key": ["sign"], "digest-mismatch": ["sign"], "truncated-sign": ["sign"],
        "non-hex-keyenc": ["format"], "bad-pkcs7-padding": ["decrypt"],
    ]

    private static func stage(_ error: CryptoError) -> String {
        switch error {
        case .badSignature: "sign"
        case .decryptionFailed: "decrypt"
        case .keyUnwrapFailed: "key"
        case .malformedField: "format"
        default: "other: \(error)"
        }
    }

    private func codec(for vector: JSONObject) throws -> EnvelopeCodec {
        EnvelopeCodec(
            profile: try vector.profile(),
            ownPrivateKey: try Fixtures.privateKey(try vector.string("receiver")),
            peerPublicKey: try Fixtures.publicKey(try vector.string("sender")))
    }

    private func assertOpens(_ vector: JSONObject) throws {
        let name = try vector.string("name")
        XCTAssertEqual(try vector.string("expect"), "accept", name)
        let plain = try codec(for: vector).open(try vector.sealedEnvelope())
        XCTAssertEqual(plain, Array(try vector.string("plain").utf8), name)
    }
}
