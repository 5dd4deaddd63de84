// JournalIndex: a batch's journal read back — the latest record of every row that has
// one, and the recharge transactions already claimed by rows of this batch.

import Foundation

/// The state of every journaled row of a batch.
public struct JournalIndex: Sendable {
    /// Rows by input line.
    public private(set) var rows: [Int: RowRecord] = [:]
    /// True when a torn last line (a crash mid-write) was found and ignored.
    public private(set) var hadTornLine = false

    /// An empty index (a batch never run).
    public init() {}

    /// Reads the journal at `path`; a missing file is an empty journal. An unterminated last
    /// line that is not valid JSON (torn by a crash) is ignored; any other bad line is an error.
    /// - Throws: `JournalError.corrupt` or `.io`.
    public static func load(path: String) throws -> JournalIndex {
        var index = JournalIndex()
        guard FileManager.default.fileExists(atPath: path) else { return index }
        let decoder = JSONDecoder()
        try LineReader(path: path).forEachLine { text, number, terminated in
            guard !text.isEmpty else { return }
            guard let entry = try? decoder.decode(JournalEntry.self, from: Data(text.utf8)) else {
                guard !terminated else { throw JournalError.corrupt(path: path, line: number) }
                index.hadTornLine = true
                return
            }
            index.apply(entry)
        }
        return index
    }

    /// Folds one entry in (also used as the run goes, to keep the index current).
    public mutating func apply(_ entry: JournalEntry) {
        rows[entry.line, default: RowRecord(line: entry.line)].apply(entry)
        if entry.state == .succeeded, let id = entry.fields?["transactionId"] { claimedTransactionIds.insert(id) }
    }

    /// The record of `line`, if it was ever journaled.
    public func row(_ line: Int) -> RowRecord? { rows[line] }

    /// Recharge transaction ids that rows of this batch already own (from their responses
    /// or from reconciliation): never matched to another row. A SUCCEEDED row never changes
    /// state again, so the set only grows.
    public private(set) var claimedTransactionIds: Set<String> = []
}
