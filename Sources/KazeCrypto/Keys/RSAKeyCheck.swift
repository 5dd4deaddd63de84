// RSAKeyCheck: the rules every loaded or generated key must meet — RSA, at least 2048 bits.

internal import COpenSSL

/// Checks on an `EVP_PKEY` before a key class takes ownership of it.
enum RSAKeyCheck {
    /// The smallest modulus docs/PROTOCOL.md allows.
    static let minimumBits = 2048

    /// Throws unless `key` is an RSA key of at least `minimumBits` bits.
    static func validate(_ key: OpaquePointer) throws {
        let type = EVP_PKEY_get_base_id(key)
        guard type == EVP_PKEY_RSA else {
            let name = OBJ_nid2sn(type).map { String(cString: $0) } ?? "key type \(type)"
            throw CryptoError.notRSA(algorithm: name)
        }
        let bits = Int(EVP_PKEY_get_bits(key))
        guard bits >= minimumBits else { throw CryptoError.keyTooSmall(bits: bits) }
    }

    /// Reads a key from PEM with `read` (never prompting for a passphrase), validates it and
    /// returns it; on any failure the key is freed and `CryptoError.invalidKey` names `kind`.
    static func load(
        pem: String, kind: String,
        _ read: (OpaquePointer, (@convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32)) ->
            OpaquePointer?
    ) throws -> OpaquePointer {
        OpenSSLErrors.clear()
        let bio = try MemoryBIO(text: pem)
        // A passphrase callback that supplies none: encrypted keys fail instead of prompting.
        guard let key = read(bio.pointer, { _, _, _, _ in 0 }) else {
            throw CryptoError.invalidKey(kind: kind, reason: OpenSSLErrors.drain())
        }
        do {
            try validate(key)
        } catch {
            EVP_PKEY_free(key)
            throw error
        }
        return key
    }
}
