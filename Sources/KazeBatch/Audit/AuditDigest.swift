// AuditDigest: the hex SHA-256 that chains audit rows.

import KazeCrypto

/// SHA-256 for the audit chain.
enum AuditDigest {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    static func hex(_ text: String) -> String { Hex.encode(SHA256.hash(Array(text.utf8))) }
}
