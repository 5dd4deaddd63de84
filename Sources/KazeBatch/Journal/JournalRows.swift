// JournalRows: the journaled rows of an index as a sequence of summaries, in line order.

/// Every journaled row, in input-line order (walked lazily; nothing is copied).
public struct JournalRows: Sequence, Sendable {
    let table: RowTable

    /// How many rows the journal holds.
    public var count: Int { table.count }

    /// Walks the summaries in line order.
    public func makeIterator() -> Iterator { Iterator(base: table.makeIterator()) }

    /// The iterator of `JournalRows`.
    public struct Iterator: IteratorProtocol {
        var base: RowTable.Iterator

        /// The next journaled row.
        public mutating func next() -> RowSummary? {
            base.next().map { RowSummary(line: $0.line, state: $0.slot.state, attempts: $0.slot.attempts) }
        }
    }
}
