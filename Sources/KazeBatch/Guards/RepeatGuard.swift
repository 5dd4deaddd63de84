// RepeatGuard: what the repeat guard compares a batch's records with — the subjects (see
// RepeatSubject) of every row that other batches of the same input file and operation did or
// started (any state but FAILED), kept as 128-bit fingerprints; and, when the batch resumes,
// its own journal, whose SUCCEEDED rows are never sent again and so are not compared.

import KazeProtocol

/// The rows other batches of one input file did, may have done, or may still do.
public struct RepeatGuard: Sendable {
    /// The operation compared.
    public let operation: APIOperation
    /// True when the batch resumes (the others are the batches made since it was).
    public let resuming: Bool
    /// The other batches that have such rows, in the order they were added.
    public private(set) var batches: [BatchRef] = []
    /// Key fingerprint → index in `batches` of the first batch that has it.
    private var keys: [Fingerprint: Int] = [:]
    /// This batch's own journal when it resumes and there is anything to compare.
    var ownJournal: JournalIndex?

    /// An empty guard (it finds no repeat) for a batch of `operation`.
    public init(operation: APIOperation, resuming: Bool) {
        (self.operation, self.resuming) = (operation, resuming)
    }

    /// How many distinct subjects the other batches did or started.
    public var count: Int { keys.count }

    /// The other batch that did or started `key`, unless this batch's own row at `line`
    /// already SUCCEEDED (it is not sent again).
    func batch(doing key: Fingerprint, line: Int) -> BatchRef? {
        guard let index = keys[key] else { return nil }
        if ownJournal?.summary(line)?.state == .succeeded { return nil }
        return batches[index]
    }

    /// Adds the rows of `journal` (the journal of `batch`) that count: every state but FAILED.
    /// - Throws: `JournalError.io` when a row's entries cannot be read back.
    mutating func add(_ journal: JournalIndex, of batch: BatchRef) throws {
        var added = false
        for row in journal.rows where row.state != .failed {
            guard let record = try journal.record(row.line), let key = RepeatSubject(record).key(for: operation) else { continue }
            if keys[key] == nil { keys[key] = batches.count }
            added = true
        }
        if added { batches.append(batch) }
    }
}
