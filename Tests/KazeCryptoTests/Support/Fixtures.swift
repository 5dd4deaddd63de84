// Fixtures: loads the test keys and vectors.json from the bundled Fixtures folder.

import Foundation
import KazeCrypto
import KazeProtocol
import XCTest

/// The files in Tests/KazeCryptoTests/Fixtures.
enum Fixtures {
    /// The text of `Fixtures/name`.
    static func text(_ name: String) throws -> String {
        let url = try XCTUnwrap(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
            "missing fixture \(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The private key of `name` (`merchant` or `platform`).
    static func privateKey(_ name: String) throws -> RSAPrivateKey { try RSAPrivateKey(pem: try text("\(name).pem")) }

    /// The public key of `name` (`merchant` or `platform`).
    static func publicKey(_ name: String) throws -> RSAPublicKey { try RSAPublicKey(pem: try text("\(name).pub")) }

    /// One array of vectors.json (`sign_cases`, `open_cases`, `negative_cases`) as objects.
    static func cases(_ group: String) throws -> [JSONObject] {
        let root = try XCTUnwrap(try JSONValue.parse(try text("vectors.json")).objectValue)
        let items = try XCTUnwrap(root[group]?.arrayValue, "vectors.json has no \(group)")
        return try items.map { try XCTUnwrap($0.objectValue) }
    }
}

extension JSONObject {
    /// A required string member of a vector, failing the test when absent.
    func string(_ key: String) throws -> String {
        try XCTUnwrap(self[key]?.stringValue, "vector member \(key) missing")
    }

    /// The crypto profile a vector lists (`sign_digest`, `aes_key_bits`, `aes_mode`).
    func profile() throws -> CryptoProfile {
        let bits = try XCTUnwrap(self["aes_key_bits"]?.numberText.flatMap(Int.init).flatMap(AESKeyBits.init(rawValue:)))
        return CryptoProfile(
            signDigest: try XCTUnwrap(SignDigest(rawValue: try string("sign_digest"))),
            aesKeyBits: bits,
            aesMode: try XCTUnwrap(AESMode(rawValue: try string("aes_mode"))))
    }

    /// The sealed parts of the vector's `envelope`.
    func sealedEnvelope() throws -> SealedEnvelope {
        let envelope = try XCTUnwrap(self["envelope"]?.objectValue)
        let head = try XCTUnwrap(envelope["head"]?.objectValue)
        let body = try XCTUnwrap(envelope["body"]?.objectValue)
        return SealedEnvelope(
            sign: try head.string("sign"), keyEnc: try head.string("keyEnc"), encrypt: try body.string("encrypt"))
    }
}
