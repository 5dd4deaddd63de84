// SealedEnvelope: the three encoded fields that carry a sealed business message.

/// The sealed parts of a message: `head.sign`, `head.keyEnc` (hex) and `body.encrypt` (base64).
public struct SealedEnvelope: Sendable, Equatable {
    /// Lowercase hex RSASSA-PKCS1-v1_5 signature over the plain bytes (either case accepted on open).
    public var sign: String
    /// Lowercase hex RSAES-PKCS1-v1_5 encryption of the AES key (either case accepted on open).
    public var keyEnc: String
    /// Standard padded base64 of the AES-encrypted plain bytes.
    public var encrypt: String

    public init(sign: String, keyEnc: String, encrypt: String) {
        self.sign = sign
        self.keyEnc = keyEnc
        self.encrypt = encrypt
    }
}
