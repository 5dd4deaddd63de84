// EnvelopeCodec: seals and opens business messages with profile kazepay-v1 exactly as
// docs/PROTOCOL.md describes — sign the plain bytes, AES-encrypt them under a fresh key, and
// RSA-encrypt that key for the receiver; opening reverses it and verifies the signature.

/// Seals messages for a peer and opens messages from it.
///
/// For the client: own key = merchant private key, peer = platform public key. For the
/// platform (sandbox): own key = platform private key, peer = merchant public key.
public struct EnvelopeCodec: Sendable {
    /// The three settings in force.
    public let profile: CryptoProfile
    private let ownPrivateKey: RSAPrivateKey
    private let peerPublicKey: RSAPublicKey

    /// A codec that signs and decrypts with `ownPrivateKey`, encrypts for and verifies
    /// against `peerPublicKey`, using `profile`'s digest, AES key size and mode.
    public init(profile: CryptoProfile, ownPrivateKey: RSAPrivateKey, peerPublicKey: RSAPublicKey) {
        self.profile = profile
        self.ownPrivateKey = ownPrivateKey
        self.peerPublicKey = peerPublicKey
    }

    /// Seals the exact bytes `plain` (the compact business JSON).
    /// - Returns: `sign` and `keyEnc` as lowercase hex, `encrypt` as padded base64.
    /// - Throws: `CryptoError` if OpenSSL or the random generator fails.
    public func seal(_ plain: [UInt8]) throws -> SealedEnvelope {
        let signature = try ownPrivateKey.sign(plain, digest: profile.signDigest)
        let key = try SecureRandom.bytes(profile.aesKeyBits.byteCount)
        let ciphertext = try AESCipher.encrypt(plain, key: key, mode: profile.aesMode)
        let wrappedKey = try peerPublicKey.encrypt(key)
        return SealedEnvelope(sign: Hex.encode(signature), keyEnc: Hex.encode(wrappedKey), encrypt: Base64.encode(ciphertext))
    }

    /// Opens `sealed` and returns the plain bytes exactly as decrypted.
    ///
    /// Every failure throws, and no plain is returned unless the signature verifies: hex or
    /// base64 that does not decode, a `keyEnc` that does not decrypt to exactly
    /// `aesKeyBits / 8` bytes, bad AES padding, or a signature that does not match.
    /// - Throws: `CryptoError` (a protocol error, never a business result).
    public func open(_ sealed: SealedEnvelope) throws -> [UInt8] {
        guard let signature = Hex.decode(sealed.sign), !signature.isEmpty else {
            throw CryptoError.malformedField(field: "head.sign", reason: "not hex")
        }
        guard let wrappedKey = Hex.decode(sealed.keyEnc), !wrappedKey.isEmpty else {
            throw CryptoError.malformedField(field: "head.keyEnc", reason: "not hex")
        }
        guard let ciphertext = Base64.decode(sealed.encrypt) else {
            throw CryptoError.malformedField(field: "body.encrypt", reason: "not padded standard base64")
        }
        let key: [UInt8]
        do {
            key = try ownPrivateKey.decrypt(wrappedKey)
        } catch let CryptoError.openSSL(_, reason) {
            throw CryptoError.keyUnwrapFailed(reason: reason)
        }
        guard key.count == profile.aesKeyBits.byteCount else {
            throw CryptoError.keyUnwrapFailed(
                reason: "got \(key.count) bytes, expected \(profile.aesKeyBits.byteCount) for AES-\(profile.aesKeyBits.rawValue)")
        }
        let plain = try AESCipher.decrypt(ciphertext, key: key, mode: profile.aesMode)
        guard peerPublicKey.verify(signature, of: plain, digest: profile.signDigest) else {
            throw CryptoError.badSignature
        }
        return plain
    }
}
