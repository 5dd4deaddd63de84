// JournalIndex+Records: a row's record, rebuilt from its entries read back by offset — all
// of it for reconciliation, or just the final word for the results file.

extension JournalIndex {
    /// Everything the journal says about `line` (PENDING keys, send times, requestNo, latest
    /// code, detail and fields), nil when it was never journaled.
    /// - Throws: `JournalError.io` when an entry cannot be read back.
    public func record(_ line: Int) throws -> RowRecord? {
        guard let slot = table[line] else { return nil }
        var offsets = [slot.pendingOffset, slot.firstSentOffset]
        if slot.lastSentOffset != slot.firstSentOffset { offsets.append(slot.lastSentOffset) }
        offsets.append(slot.outcomeOffset)
        return try rebuild(line, slot, from: offsets)
    }

    /// The record of `line` as the results file needs it — state, attempts, requestNo, code,
    /// detail and fields, without the PENDING keys and send times — read with one entry
    /// (two when the row's latest SENT has no outcome after it). Nil when never journaled.
    /// - Throws: `JournalError.io` when an entry cannot be read back.
    public func finalRecord(_ line: Int) throws -> RowRecord? {
        guard let slot = table[line] else { return nil }
        var record = RowRecord(line: line)
        var outcome: JournalEntry?
        if let offset = slot.outcomeOffset {
            let entry = try reader.entry(at: offset)
            record.apply(entry)
            outcome = entry
        }
        (record.state, record.attempts) = (slot.state, slot.attempts)
        // An outcome written after the latest SENT carries that attempt's requestNo; only a
        // row cut off mid-flight, or refused before sending, needs its SENT entry read too.
        guard let sent = slot.lastSentOffset else { return record }
        if let outcome, let offset = slot.outcomeOffset, offset > sent, let requestNo = outcome.requestNo {
            record.requestNo = requestNo
        } else {
            let entry = try reader.entry(at: sent)
            record.requestNo = entry.requestNo
            record.noteTime(entry.time)
        }
        return record
    }

    /// True when a request of `line` was journaled SENT since the index was loaded (this run).
    public func sentSinceLoad(_ line: Int) -> Bool {
        table[line]?.lastSentOffset.map { $0 >= loadedExtent } ?? false
    }

    /// The in-doubt rows (SENT without an outcome, or UNKNOWN), complete, in line order.
    /// - Throws: `JournalError.io` when an entry cannot be read back.
    public func inDoubtRecords() throws -> [RowRecord] {
        try table.filter { $0.slot.state == .sent || $0.slot.state == .unknown }.compactMap { try record($0.line) }
    }

    /// The full record of `line` like `record(_:)`, or nil when it was never journaled or its
    /// entries cannot be read back (`record(_:)` tells why).
    public func row(_ line: Int) -> RowRecord? { try? record(line) }

    private func rebuild(_ line: Int, _ slot: RowSlot, from offsets: [UInt64?]) throws -> RowRecord {
        var record = RowRecord(line: line)
        for case let offset? in offsets { record.apply(try reader.entry(at: offset)) }
        (record.state, record.attempts) = (slot.state, slot.attempts)
        return record
    }

    /// The PENDING entry of `line` (its ref, reconciliation keys and a recharge's amount and
    /// currency), nil when it has none: one entry read back, where `record(_:)` reads all.
    /// - Throws: `JournalError.io` when it cannot be read back.
    public func pendingEntry(_ line: Int) throws -> JournalEntry? {
        guard let offset = table[line]?.pendingOffset else { return nil }
        return try reader.entry(at: offset)
    }
}
