// FieldsRecord+Identity: the batch id of a call — the same call (operation, fields, ref,
// platform) names the same one-row batch, so repeating the command resumes it (an in-doubt call
// is reconciled, a done one is not sent again). Secrets are never hashed: a PIN's digest would
// give the PIN away, so a call carrying one is a new batch each time.

import Foundation
import KazeProtocol

extension FieldsRecord {
    /// The call's batch id, or nil for an invalid record.
    /// - Parameters:
    ///   - sysId: the merchant sysId.
    ///   - endpoint: the API endpoint.
    ///   - nonce: mixed in when the record holds a secret (PIN, activation code): it makes every
    ///     such call its own batch.
    public func batchID(sysId: String, endpoint: String, nonce: () -> String) -> String? {
        guard case .valid(let record) = outcome else { return nil }
        var lines = record.body.members.map { member -> String in
            Self.isSecret(member.key) ? "\(member.key)=<\(nonce())>" : "\(member.key)=\(member.value.compactText)"
        }
        lines += record.images.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.path)" }
        lines.append("ref=\(record.ref)")
        return BatchID.compute(
            operation: operation, content: Array(lines.joined(separator: "\n").utf8), sysId: sysId,
            endpoint: endpoint)
    }

    /// True when the record carries a secret (a PIN, an activation code): such a call cannot be
    /// resumed by repeating it, and its command line must not be echoed.
    public var holdsSecret: Bool {
        guard case .valid(let record) = outcome else { return false }
        return record.body.members.contains { Self.isSecret($0.key) }
    }

    private static func isSecret(_ field: String) -> Bool { Masking.secretFields.contains(field.lowercased()) }
}
