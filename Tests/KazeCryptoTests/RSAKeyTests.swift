// RSAKeyTests: loading PEM keys in every accepted format, refusing the others with
// OpenSSL's reason, generation, export, and RSA encryption round trips.

import KazeCrypto
import XCTest

final class RSAKeyTests: XCTestCase {
    func testPKCS1AndPKCS8GiveTheSameSignature() throws {
        let pkcs8 = try Fixtures.privateKey("merchant")
        let pkcs1 = try RSAPrivateKey(pem: try Fixtures.text("merchant-pkcs1.pem"))
        let message = Array("{\"cardID\":\"R000001\"}".utf8)
        XCTAssertEqual(try pkcs1.sign(message, digest: .sha256), try pkcs8.sign(message, digest: .sha256))
        XCTAssertEqual(pkcs1.bits, 2048)
    }

    func testDerivedPublicKeyMatchesTheFixture() throws {
        let derived = try Fixtures.privateKey("platform").publicKey()
        XCTAssertEqual(try derived.pem(), try Fixtures.text("platform.pub"))
        XCTAssertEqual(derived.bits, 2048)
    }

    func testPKCS8ExportLoadsBack() throws {
        let key = try Fixtures.privateKey("merchant")
        let pem = try key.pkcs8PEM()
        XCTAssertTrue(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        XCTAssertEqual(try RSAPrivateKey(pem: pem).publicKey().pem(), try Fixtures.text("merchant.pub"))
    }

    func testGarbageIsRefusedWithOpenSSLReason() {
        XCTAssertThrowsError(try RSAPrivateKey(pem: "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n")) {
            guard case CryptoError.invalidKey(let kind, let reason)? = $0 as? CryptoError else {
                return XCTFail("unexpected \($0)")
            }
            XCTAssertEqual(kind, "private key")
            XCTAssertFalse(reason.isEmpty)
            XCTAssertNotEqual(reason, "no reason given by OpenSSL")
        }
        XCTAssertThrowsError(try RSAPublicKey(pem: "")) {
            XCTAssertTrue("\($0)".hasPrefix("cannot read the public key: "), "\($0)")
        }
    }

    func testEncryptedKeyIsRefusedWithoutPrompting() throws {
        XCTAssertThrowsError(try RSAPrivateKey(pem: try Fixtures.text("merchant-encrypted.pem"))) {
            guard case CryptoError.invalidKey(let kind, let reason)? = $0 as? CryptoError else {
                return XCTFail("unexpected \($0)")
            }
            XCTAssertEqual(kind, "private key")
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testPublicKeyIsNotAPrivateKeyAndViceVersa() throws {
        XCTAssertThrowsError(try RSAPrivateKey(pem: try Fixtures.text("merchant.pub")))
        XCTAssertThrowsError(try RSAPublicKey(pem: try Fixtures.text("merchant.pem")))
    }

    func testSmallAndNonRSAKeysAreRefused() throws {
        XCTAssertThrowsError(try RSAPrivateKey(pem: try Fixtures.text("rsa1024.pem"))) {
            XCTAssertEqual($0 as? CryptoError, .keyTooSmall(bits: 1024))
        }
        XCTAssertThrowsError(try RSAPrivateKey(pem: try Fixtures.text("ec-p256.pem"))) {
            XCTAssertEqual($0 as? CryptoError, .notRSA(algorithm: "id-ecPublicKey"))
        }
        XCTAssertThrowsError(try RSAPrivateKey.generate(bits: 1024)) {
            XCTAssertEqual($0 as? CryptoError, .keyTooSmall(bits: 1024))
        }
    }

    func testErrorMessagesCarryNoKeyMaterial() throws {
        let pem = try Fixtures.text("merchant.pem")
        let broken = pem.replacingOccurrences(of: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", with: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASD")
        XCTAssertThrowsError(try RSAPrivateKey(pem: broken)) { error in
            let body = pem.split(separator: "\n").dropFirst().dropLast()
            for line in body { XCTAssertFalse("\(error)".contains(line)) }
        }
    }

    func testGeneratedKeyEncryptsSignsAndRoundTrips() throws {
        let key = try RSAPrivateKey.generate()
        XCTAssertEqual(key.bits, 2048)
        let publicKey = try key.publicKey()
        let secret = try SecureRandom.bytes(32)
        let ciphertext = try publicKey.encrypt(secret)
        XCTAssertEqual(ciphertext.count, 256)
        XCTAssertEqual(try key.decrypt(ciphertext), secret)
        XCTAssertNotEqual(try publicKey.encrypt(secret), ciphertext, "PKCS#1 v1.5 encryption is randomized")
        let signature = try key.sign([1, 2, 3], digest: .sha1)
        XCTAssertTrue(publicKey.verify(signature, of: [1, 2, 3], digest: .sha1))
        XCTAssertFalse(publicKey.verify(signature, of: [1, 2, 3], digest: .sha256))
        XCTAssertFalse(try Fixtures.publicKey("merchant").verify(signature, of: [1, 2, 3], digest: .sha1))
    }

    func testDecryptingUnderTheWrongKeyFails() throws {
        let ciphertext = try Fixtures.publicKey("merchant").encrypt(Array(repeating: 7, count: 16))
        XCTAssertThrowsError(try Fixtures.privateKey("platform").decrypt(ciphertext))
        XCTAssertThrowsError(try Fixtures.privateKey("merchant").decrypt([1, 2, 3]))
    }

    func testEncryptingTooMuchFailsWithOpenSSLReason() throws {
        XCTAssertThrowsError(try Fixtures.publicKey("merchant").encrypt(Array(repeating: 1, count: 300))) {
            guard case CryptoError.openSSL(let operation, let reason)? = $0 as? CryptoError else {
                return XCTFail("unexpected \($0)")
            }
            XCTAssertEqual(operation, "RSA encryption")
            XCTAssertTrue(reason.contains("too large"), reason)
        }
    }
}
