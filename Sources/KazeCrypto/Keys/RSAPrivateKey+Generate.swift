// RSAPrivateKey+Generate: fresh RSA key pairs (for `kazebatch keys generate` and the sandbox).

internal import COpenSSL

extension RSAPrivateKey {
    /// Generates a new RSA private key with public exponent 65537.
    /// - Parameter bits: modulus size; at least 2048.
    /// - Throws: `CryptoError.keyTooSmall` below 2048 bits, `.openSSL` if generation fails.
    public static func generate(bits: Int = 2048) throws -> RSAPrivateKey {
        guard bits >= RSAKeyCheck.minimumBits else { throw CryptoError.keyTooSmall(bits: bits) }
        guard let requested = Int32(exactly: bits) else {
            throw CryptoError.openSSL(operation: "RSA key generation", reason: "\(bits) bits is too large")
        }
        let context = try PKeyContext(keyType: EVP_PKEY_RSA)
        try OpenSSLErrors.check(EVP_PKEY_keygen_init(context.pointer), "EVP_PKEY_keygen_init")
        try OpenSSLErrors.check(
            COpenSSLShim_EVP_PKEY_CTX_set_rsa_keygen_bits(context.pointer, requested), "setting the RSA key size")
        var key: OpaquePointer?
        try OpenSSLErrors.check(EVP_PKEY_keygen(context.pointer, &key), "RSA key generation")
        return RSAPrivateKey(owning: try OpenSSLErrors.require(key, "RSA key generation"))
    }
}
