// RSAPublicKey: an RSA public key from SubjectPublicKeyInfo PEM that verifies
// RSASSA-PKCS1-v1_5 signatures and encrypts RSAES-PKCS1-v1_5; it owns its EVP_PKEY.

internal import COpenSSL

/// An RSA public key (at least 2048 bits).
///
/// `@unchecked Sendable` is safe for the same reason as `RSAPrivateKey`: the `EVP_PKEY` is
/// immutable after `init` and each operation uses its own OpenSSL context.
public final class RSAPublicKey: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Reads a SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`).
    /// - Throws: `CryptoError.invalidKey` with OpenSSL's reason, `.notRSA`, `.keyTooSmall`.
    public init(pem: String) throws {
        pointer = try RSAKeyCheck.load(pem: pem, kind: "public key") { bio, noPassphrase in
            PEM_read_bio_PUBKEY(bio, nil, noPassphrase, nil)
        }
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The modulus size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// The key as SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`).
    public func pem() throws -> String {
        let bio = try MemoryBIO()
        try OpenSSLErrors.check(PEM_write_bio_PUBKEY(bio.pointer, pointer), "writing the public key")
        return bio.text()
    }

    /// True when `signature` is a valid RSASSA-PKCS1-v1_5 signature of `message` under `digest`.
    /// Any failure (wrong length, wrong key, wrong digest, OpenSSL error) is `false`.
    public func verify(_ signature: [UInt8], of message: [UInt8], digest: SignDigest) -> Bool {
        defer { OpenSSLErrors.clear() }
        guard let context = try? DigestContext(),
            EVP_DigestVerifyInit(context.pointer, nil, digest.evpMD, nil, pointer) == 1
        else { return false }
        return EVP_DigestVerify(context.pointer, signature, signature.count, message, message.count) == 1
    }

    /// Encrypts `plaintext` with RSAES-PKCS1-v1_5 (at most modulus bytes − 11).
    /// - Throws: `CryptoError.openSSL` with OpenSSL's reason (e.g. data too large).
    public func encrypt(_ plaintext: [UInt8]) throws -> [UInt8] {
        let context = try PKeyContext(key: pointer)
        try OpenSSLErrors.check(EVP_PKEY_encrypt_init(context.pointer), "EVP_PKEY_encrypt_init")
        try context.usePKCS1Padding()
        return try context.transform(plaintext, operation: "RSA encryption", EVP_PKEY_encrypt)
    }
}
