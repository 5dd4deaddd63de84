// TestKeys: one platform and one merchant key pair for the whole test process.

import KazeCrypto
import KazeSandbox

/// Keys generated once (2048-bit RSA generation is slow enough to share).
enum TestKeys {
    static let platform: RSAPrivateKey = generate()
    static let merchant: RSAPrivateKey = generate()

    private static func generate() -> RSAPrivateKey {
        do { return try RSAPrivateKey.generate(bits: 2048) } catch { preconditionFailure("test key generation failed: \(error)") }
    }

    /// Sandbox options with the test keys; `configure` adjusts the rest.
    static func options(_ configure: (inout SandboxOptions) -> Void = { _ in }) throws -> SandboxOptions {
        var options = SandboxOptions(platformKey: platform, merchantPublicKey: try merchant.publicKey())
        configure(&options)
        return options
    }
}
