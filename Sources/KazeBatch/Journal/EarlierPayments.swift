// EarlierPayments: the recharges that earlier batches of the same input file (same operation,
// same absolute path, same state dir, told by their batch.json) paid or may have paid — kept as
// 128-bit key fingerprints (card, amount by value, currency), so an edited file that repeats
// them can be refused before it pays them again.

import Foundation
import KazeProtocol

/// The paid or in-doubt recharge keys of the earlier batches of one input file.
public struct EarlierPayments: Sendable {
    /// An earlier batch: its id and when it was made.
    public struct Batch: Sendable, Equatable {
        /// The batch id (the state folder's name).
        public let id: String
        /// Its batch.json `created` time.
        public let created: String
    }

    /// The earlier batches that have paid or in-doubt rows.
    public private(set) var batches: [Batch] = []
    /// Key fingerprint → index in `batches` of the first batch that paid it.
    private var keys: [Fingerprint: Int] = [:]

    /// No earlier payments.
    public init() {}

    /// How many distinct keys were paid or may have been.
    public var count: Int { keys.count }

    /// The earlier batch that paid (or may have paid) this key, if any.
    func batch(paying key: Fingerprint) -> Batch? { keys[key].map { batches[$0] } }

    /// Reads the sibling folders of `folder` whose batch.json names `operation` and the same
    /// input path, and collects the keys of their SUCCEEDED and in-doubt (SENT, UNKNOWN) rows.
    /// Only money-moving operations are looked at; folders without batch.json are ignored.
    /// - Throws: `JournalError` when such a batch's journal cannot be read.
    public static func load(besides folder: StateFolder, operation: APIOperation, inputPath: String) throws -> EarlierPayments {
        var earlier = EarlierPayments()
        guard operation.movesMoney else { return earlier }
        let root = folder.stateRoot
        let own = URL(fileURLWithPath: folder.path).lastPathComponent
        let input = BatchInfo.standardPath(inputPath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() where name != own {
            let sibling = StateFolder(batchID: name, stateDir: root, inputPath: inputPath)
            guard let info = BatchInfo.read(folder: sibling), info.operation == operation.apiCode, info.input == input
            else { continue }
            try earlier.add(JournalIndex.load(path: sibling.journalPath), as: Batch(id: name, created: info.created))
        }
        return earlier
    }

    private mutating func add(_ index: JournalIndex, as batch: Batch) throws {
        var added = false
        for row in index.rows where row.state == .succeeded || row.isInDoubt {
            guard let record = try index.record(row.line), let cardID = record.cardID, let amount = record.amount,
                  let key = DuplicateRule.recharge(cardID: cardID, amount: amount, currency: record.currency)
            else { continue }
            if keys[key] == nil { keys[key] = batches.count }
            added = true
        }
        if added { batches.append(batch) }
    }
}
