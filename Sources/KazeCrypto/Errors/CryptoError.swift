// CryptoError: every way a crypto operation can fail, written for an operator. Messages carry
// OpenSSL's reason text where there is one and never any key material or plaintext.

/// A failed crypto operation.
public enum CryptoError: Error, Sendable, Equatable {
    /// A PEM text could not be read as a key of the expected `kind` (`private key`,
    /// `public key`); `reason` is OpenSSL's text.
    case invalidKey(kind: String, reason: String)
    /// The key is not an RSA key (`algorithm` names what it is).
    case notRSA(algorithm: String)
    /// The RSA key is shorter than the 2048 bits the protocol requires.
    case keyTooSmall(bits: Int)
    /// An OpenSSL call failed; `operation` says what was attempted, `reason` is OpenSSL's text.
    case openSSL(operation: String, reason: String)
    /// An envelope `field` is not in its required encoding (hex, base64, block-sized).
    case malformedField(field: String, reason: String)
    /// `head.keyEnc` did not decrypt to an AES key of the configured size.
    case keyUnwrapFailed(reason: String)
    /// `body.encrypt` did not decrypt (wrong key, bad PKCS#7 padding); `reason` is OpenSSL's text.
    case decryptionFailed(reason: String)
    /// `head.sign` does not verify over the decrypted bytes with the sender's public key.
    case badSignature
    /// An AES key of the wrong size was supplied (`bytes` long, `expected` wanted).
    case invalidAESKeyLength(bytes: Int, expected: Int)
    /// The system random generator failed.
    case randomUnavailable(reason: String)
}

extension CryptoError: CustomStringConvertible {
    /// One operator-readable line.
    public var description: String {
        switch self {
        case .invalidKey(let kind, let reason): "cannot read the \(kind): \(reason)"
        case .notRSA(let algorithm): "the key is \(algorithm), not RSA"
        case .keyTooSmall(let bits): "the RSA key has \(bits) bits; at least 2048 are required"
        case .openSSL(let operation, let reason): "\(operation) failed: \(reason)"
        case .malformedField(let field, let reason): "\(field) is malformed: \(reason)"
        case .keyUnwrapFailed(let reason): "head.keyEnc does not decrypt to an AES key: \(reason)"
        case .decryptionFailed(let reason): "body.encrypt does not decrypt: \(reason)"
        case .badSignature: "head.sign does not verify with the sender's public key"
        case .invalidAESKeyLength(let bytes, let expected): "AES key is \(bytes) bytes, expected \(expected)"
        case .randomUnavailable(let reason): "secure random bytes unavailable: \(reason)"
        }
    }
}
