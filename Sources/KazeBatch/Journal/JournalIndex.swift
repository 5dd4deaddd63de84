// JournalIndex: a batch's journal read back — a 32-byte slot per journaled row (state,
// attempts, where its entries are in the journal) and the claimed recharge transactions.
// Everything else about a row is read back from the journal by offset when needed.

import Foundation

/// The state of every journaled row of a batch, in constant memory per row.
public struct JournalIndex: Sendable {
    var table = RowTable()
    let reader: JournalReader
    /// True when a torn last line (a crash mid-write) was found and ignored.
    public private(set) var hadTornLine = false
    /// The journal's intact size when it was loaded: entries at or past it were written since.
    public private(set) var loadedExtent: UInt64 = 0
    /// The journal's events (entries other than PENDING) below `loadedExtent`.
    public private(set) var loadedEvents = 0

    /// The index of a journal at `path` that has no entries yet.
    public init(path: String) { reader = JournalReader(path: path) }

    /// Reads the journal at `path`; a missing file is an empty journal. A last line without its
    /// LF is an interrupted write (`InterruptedWrite`): it is never applied, even when it
    /// happens to be complete JSON, because `Journal` cuts it before appending. Any other line
    /// that is not an entry is an error.
    /// - Throws: `JournalError.corrupt` or `.io`.
    public static func load(path: String) throws -> JournalIndex {
        var index = JournalIndex(path: path)
        guard FileManager.default.fileExists(atPath: path) else { return index }
        let (intact, size) = try InterruptedWrite.extent(path: path)
        index.hadTornLine = size > intact
        index.loadedExtent = UInt64(intact)
        try LineReader(path: path).forEachRawLine(limit: intact) { bytes, number, offset, terminated in
            guard terminated else {
                index.hadTornLine = true
                return
            }  // the file shrank while being read
            guard !bytes.isEmpty else { return }
            guard let entry = JournalEntry(jsonLine: bytes), (1...RowTable.maxLine).contains(entry.line) else {
                throw JournalError.corrupt(path: path, line: number)
            }
            try index.apply(entry, at: offset)
            if entry.state != .pending { index.loadedEvents += 1 }
        }
        return index
    }

    /// Folds in one entry written at byte `offset` of the journal (as the run goes, with the
    /// offset `Journal.append` returned).
    /// - Throws: `JournalError.io` when the line number or offset is beyond what the index
    ///   addresses (input lines up to 4,294,967,295, journals up to 1 TiB).
    mutating func apply(_ entry: JournalEntry, at offset: UInt64) throws {
        guard (1...RowTable.maxLine).contains(entry.line), offset < RowSlot.offsetLimit else {
            throw JournalError.io(
                path: reader.path,
                reason:
                    "the entry of input line \(entry.line) at byte \(offset) is beyond what the index addresses (input lines up to 4,294,967,295, journals up to 1 TiB)"
            )
        }
        let claims = entry.state.rowState == .succeeded || entry.state.rowState == .failed
        let claim = claims ? entry.fields?["transactionId"].map(TransactionClaims.tag) : nil
        table.apply(line: entry.line, entry.state, at: offset, claim: claim)
    }

    /// The summary of `line`, nil when it was never journaled.
    public func summary(_ line: Int) -> RowSummary? {
        table[line].map { RowSummary(line: line, state: $0.state, attempts: $0.attempts) }
    }

    /// Every journaled row, in line order.
    public var rows: JournalRows { JournalRows(table: table) }

    /// Recharge transaction ids that rows of this batch already own (from their responses,
    /// from reconciliation, or a FAILED transaction that decided a row): never matched to
    /// another row.
    public var claimedTransactionIds: TransactionClaims { TransactionClaims(table: table, reader: reader) }
}
