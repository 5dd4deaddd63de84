// CryptoProfile: the three settings of crypto profile `kazepay-v1` (docs/PROTOCOL.md).

/// Digest used inside the RSASSA-PKCS1-v1_5 signature.
public enum SignDigest: String, Sendable, CaseIterable {
    case sha256
    case sha1
}

/// Size of the per-message AES key.
public enum AESKeyBits: Int, Sendable, CaseIterable {
    case bits128 = 128
    case bits256 = 256

    /// Key length in bytes.
    public var byteCount: Int { rawValue / 8 }
}

/// AES block mode for the body; both use PKCS#7 padding.
public enum AESMode: String, Sendable, CaseIterable {
    case ecb
    /// CBC with a 16-byte all-zero IV.
    case cbcZeroIV = "cbc-zero-iv"
}

/// The settings of profile `kazepay-v1`; the defaults are SHA-256, AES-128, ECB.
public struct CryptoProfile: Sendable, Equatable {
    public var signDigest: SignDigest
    public var aesKeyBits: AESKeyBits
    public var aesMode: AESMode

    public init(signDigest: SignDigest = .sha256, aesKeyBits: AESKeyBits = .bits128, aesMode: AESMode = .ecb) {
        self.signDigest = signDigest
        self.aesKeyBits = aesKeyBits
        self.aesMode = aesMode
    }

    /// The documented defaults: SHA-256 signatures, 128-bit AES keys, ECB.
    public static let kazepayV1 = CryptoProfile()
}
