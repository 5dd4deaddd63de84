// TransactionClaims: the recharge transactions already owned by rows of a batch. Each row
// keeps only a 48-bit tag of its transaction id in its slot (and the table the lines of each
// tag, `ClaimLines`); a tag match is confirmed by reading the owner's SUCCEEDED entry back, so
// a hash collision never hides a transaction.

/// The transaction ids claimed by SUCCEEDED rows of the batch (from their responses or
/// from reconciliation): never matched to another row. The claims only grow.
public struct TransactionClaims: Sendable {
    let table: RowTable
    let reader: JournalReader

    /// How many rows claim a transaction.
    public var count: Int { table.reduce(0) { $0 + ($1.slot.claimTag == 0 ? 0 : 1) } }

    /// True when a row of the batch owns `transactionId`.
    /// - Throws: `JournalError.io` when a candidate owner's entry cannot be read back.
    public func contains(_ transactionId: String) throws -> Bool {
        let tag = TransactionClaims.tag(transactionId)
        for line in table.claimLines.lines(claiming: tag) {
            guard let slot = table[line], slot.claimTag == tag, let offset = slot.outcomeOffset else { continue }
            if try reader.entry(at: offset).fields?["transactionId"] == transactionId { return true }
        }
        return false
    }

    /// The nonzero 48-bit tag of `transactionId` (FNV-1a).
    static func tag(_ transactionId: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in transactionId.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (hash ^ hash >> 48) & 0xFFFF_FFFF_FFFF | 1
    }
}
