// RSAPrivateKey: an RSA private key from PEM (PKCS#8 or PKCS#1) that signs with
// RSASSA-PKCS1-v1_5 and decrypts RSAES-PKCS1-v1_5; it owns its EVP_PKEY.

internal import COpenSSL

/// An RSA private key (at least 2048 bits).
///
/// `@unchecked Sendable` is safe: the `EVP_PKEY` is never modified after `init`, and OpenSSL 3
/// allows one unmodified `EVP_PKEY` to be used from many threads at once; every operation
/// makes its own per-call context (`EVP_MD_CTX`, `EVP_PKEY_CTX`).
public final class RSAPrivateKey: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Reads an unencrypted private key in PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1
    /// (`BEGIN RSA PRIVATE KEY`).
    /// - Throws: `CryptoError.invalidKey` with OpenSSL's reason, `.notRSA`, `.keyTooSmall`.
    public init(pem: String) throws {
        pointer = try RSAKeyCheck.load(pem: pem, kind: "private key") { bio, noPassphrase in
            PEM_read_bio_PrivateKey(bio, nil, noPassphrase, nil)
        }
    }

    /// Takes ownership of an already validated key.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// The modulus size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// The matching public key.
    /// - Throws: `CryptoError.openSSL` if OpenSSL cannot export it.
    public func publicKey() throws -> RSAPublicKey {
        let bio = try MemoryBIO()
        try OpenSSLErrors.check(PEM_write_bio_PUBKEY(bio.pointer, pointer), "exporting the public key")
        return try RSAPublicKey(pem: bio.text())
    }

    /// The key as unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`). Handle the result as a secret.
    public func pkcs8PEM() throws -> String {
        let bio = try MemoryBIO()
        try OpenSSLErrors.check(
            PEM_write_bio_PKCS8PrivateKey(bio.pointer, pointer, nil, nil, 0, nil, nil), "writing the private key")
        return bio.text()
    }

    /// The RSASSA-PKCS1-v1_5 signature of `message` under `digest` (deterministic).
    /// - Throws: `CryptoError.openSSL` with OpenSSL's reason.
    public func sign(_ message: [UInt8], digest: SignDigest) throws -> [UInt8] {
        let context = try DigestContext()
        try OpenSSLErrors.check(
            EVP_DigestSignInit(context.pointer, nil, digest.evpMD, nil, pointer), "EVP_DigestSignInit")
        var length = 0
        try OpenSSLErrors.check(EVP_DigestSign(context.pointer, nil, &length, message, message.count), "signing")
        var signature = [UInt8](repeating: 0, count: length)
        try OpenSSLErrors.check(EVP_DigestSign(context.pointer, &signature, &length, message, message.count), "signing")
        return Array(signature.prefix(length))
    }

    /// Decrypts an RSAES-PKCS1-v1_5 ciphertext.
    /// - Throws: `CryptoError.openSSL` when the ciphertext does not decrypt under this key.
    public func decrypt(_ ciphertext: [UInt8]) throws -> [UInt8] {
        let context = try PKeyContext(key: pointer)
        try OpenSSLErrors.check(EVP_PKEY_decrypt_init(context.pointer), "EVP_PKEY_decrypt_init")
        try context.usePKCS1Padding()
        return try context.transform(ciphertext, operation: "RSA decryption", EVP_PKEY_decrypt)
    }
}
