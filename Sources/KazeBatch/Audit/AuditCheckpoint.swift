// AuditCheckpoint: the signed statement a CHECKPOINT row carries, and the exact bytes it
// signs — documented in the README so an auditor holding only `merchant.pub` can check it
// with the openssl CLI.

import KazeCrypto

/// What a checkpoint signs, and its signature check.
public enum AuditCheckpoint {
    /// The signed text of a checkpoint row of `batch` at position `seq` whose `prev_hash` is
    /// `head` (the hash of the last row it covers): the ASCII bytes
    /// `kazebatch-audit-checkpoint,<batch>,<seq>,<head>`, no line end. All three values are
    /// the checkpoint row's own cells (batch, seq, prev_hash), copied as written.
    public static func signedText(batch: String, seq: Int, head: String) -> String {
        "kazebatch-audit-checkpoint,\(batch),\(seq),\(head)"
    }

    /// True when `signatureHex` (lowercase hex, as in the row's `detail`) is the merchant's
    /// RSASSA-PKCS1-v1_5 SHA-256 signature of `signedText(batch:seq:head:)` under `key`.
    static func holds(signatureHex: String, batch: String, seq: Int, head: String, key: RSAPublicKey) -> Bool {
        guard let signature = Hex.decode(signatureHex) else { return false }
        return key.verify(signature, of: Array(signedText(batch: batch, seq: seq, head: head).utf8), digest: .sha256)
    }
}
