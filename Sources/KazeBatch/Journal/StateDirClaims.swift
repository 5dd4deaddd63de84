// StateDirClaims: the recharge transactions that OTHER batches of the same state dir own
// (their SUCCEEDED rows, or FAILED rows a transaction decided), so no transaction proves two
// rows whichever batch they are in. Kept as 48-bit tags: a collision only makes a transaction
// look taken, which leaves a row undecided — never decided by the wrong proof.

import Foundation

/// Tags of the transaction ids claimed by the other batches of a state dir.
public struct StateDirClaims: Sendable {
    private var tags: Set<UInt64> = []

    /// No claims.
    public init() {}

    /// How many transactions the other batches claim.
    public var count: Int { tags.count }

    /// True when another batch claims `transactionId` (or one whose tag collides with it).
    public func contains(_ transactionId: String) -> Bool { tags.contains(TransactionClaims.tag(transactionId)) }

    /// Reads the journal of every batch folder beside `folder` in its state dir.
    /// - Throws: `JournalError` when a sibling's journal exists but cannot be read: a claim
    ///   that cannot be seen must not be taken for a free transaction.
    public static func load(besides folder: StateFolder) throws -> StateDirClaims {
        var claims = StateDirClaims()
        let root = folder.stateRoot
        let own = URL(fileURLWithPath: folder.path).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() where name != own {
            let journal = root + "/" + name + "/journal.jsonl"
            guard FileManager.default.fileExists(atPath: journal) else { continue }
            try LineReader(path: journal).forEachRawLine { bytes, _, _, terminated in
                guard terminated, let entry = JournalEntry(jsonLine: bytes),
                    entry.state.rowState == .succeeded || entry.state.rowState == .failed,
                    let id = entry.fields?["transactionId"]
                else { return }
                claims.tags.insert(TransactionClaims.tag(id))
            }
        }
        return claims
    }
}
