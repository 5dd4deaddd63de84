// AuditSigner: signs audit checkpoints with the merchant private key.

import KazeCrypto

/// Signs checkpoints (RSASSA-PKCS1-v1_5 over SHA-256, see `AuditCheckpoint.signedText`).
public struct AuditSigner: Sendable {
    private let key: RSAPrivateKey

    /// A signer with the merchant private key (the one `merchantKey` configures).
    public init(key: RSAPrivateKey) { self.key = key }

    /// The lowercase hex signature of the checkpoint of `batch` at `seq` after `head`.
    /// - Throws: `CryptoError` when OpenSSL cannot sign.
    func signature(batch: String, seq: Int, head: String) throws -> String {
        Hex.encode(try key.sign(Array(AuditCheckpoint.signedText(batch: batch, seq: seq, head: head).utf8), digest: .sha256))
    }
}
