// RowTable: the journal index's rows — one `RowSlot` per input line in pages of 4,096 lines,
// so a million rows take 32 MB and growing never copies the whole table.

/// Dense slots by 1-based input line.
struct RowTable: Sequence, Sendable {
    /// The highest line number a row may have.
    static let maxLine = Int(UInt32.max)
    private static let pageSize = 4096
    private var pages: [[RowSlot]] = []
    /// How many lines have a journaled slot.
    private(set) var count = 0
    /// The lines that claimed each transaction tag.
    private(set) var claimLines = ClaimLines()

    /// The slot of `line`, nil when never journaled.
    subscript(line: Int) -> RowSlot? {
        let (page, slot) = line.quotientAndRemainder(dividingBy: RowTable.pageSize)
        guard line >= 0, page < pages.count, !pages[page].isEmpty, pages[page][slot].isJournaled else { return nil }
        return pages[page][slot]
    }

    /// Folds an entry of `state` for `line` (1...maxLine, checked by the caller) into its slot.
    mutating func apply(line: Int, _ state: JournalState, at offset: UInt64, claim: UInt64?) {
        let (page, slot) = line.quotientAndRemainder(dividingBy: RowTable.pageSize)
        if page >= pages.count { pages.append(contentsOf: repeatElement([], count: page - pages.count + 1)) }
        if pages[page].isEmpty { pages[page] = [RowSlot](repeating: RowSlot(), count: RowTable.pageSize) }
        if !pages[page][slot].isJournaled { count += 1 }
        pages[page][slot].apply(state, at: offset, claim: claim)
        if let claim { claimLines.add(claim, line: line) }
    }

    /// The journaled lines and their slots, in line order.
    func makeIterator() -> Iterator { Iterator(pages: pages) }

    /// Walks the pages without copying them.
    struct Iterator: IteratorProtocol {
        let pages: [[RowSlot]]
        var position = 0

        mutating func next() -> (line: Int, slot: RowSlot)? {
            let end = pages.count * RowTable.pageSize
            while position < end {
                let (page, index) = position.quotientAndRemainder(dividingBy: RowTable.pageSize)
                guard !pages[page].isEmpty else {
                    position = (page + 1) * RowTable.pageSize
                    continue
                }
                position += 1
                if pages[page][index].isJournaled { return (position - 1, pages[page][index]) }
            }
            return nil
        }
    }
}
