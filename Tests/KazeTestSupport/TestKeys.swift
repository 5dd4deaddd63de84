// TestKeys: one platform and one merchant RSA key pair for the whole test process.

import KazeCrypto

/// Keys generated once (2048-bit RSA generation is slow enough to share).
public enum TestKeys {
    private static let pair = Result {
        (platform: try RSAPrivateKey.generate(bits: 2048), merchant: try RSAPrivateKey.generate(bits: 2048))
    }

    /// The platform's private key.
    public static var platform: RSAPrivateKey { get throws { try pair.get().platform } }

    /// The merchant's private key.
    public static var merchant: RSAPrivateKey { get throws { try pair.get().merchant } }
}
