// AuditLog+Recover: the journal is the source of truth for the audit file. A batch's audit
// rows are always a prefix of its journal's events (everything but PENDING, in journal
// order), so on opening a batch the events beyond that prefix — cut off by a crash between
// the journal's fsync and the audit's, or never written while the audit file could not be —
// are appended, marked recovered, before any new event.

import KazeProtocol

extension AuditLog {
    /// How many recovered rows are written with one write and fsync.
    private static let recoveryGroup = 512

    /// Appends the events of `batch`'s journal (read through `index`) that this file does not
    /// have yet: the file's rows of `batch` are counted, the journal's events beyond that
    /// count are written with their original time, `code` marked `RECOVERED[:<code>]` (see
    /// `AuditRow.recovered`), ref, card (cardID, or the masked card number), amount and
    /// currency from the row's PENDING entry.
    /// Both files are streamed: memory stays constant. When the journal has not changed since
    /// `index` was loaded and the file already has all its events, the journal is not read.
    /// - Returns: how many rows were appended.
    /// - Throws: `AuditError.io` when a row cannot be written, `JournalError.io` when the
    ///   journal cannot be read.
    public func recover(batch: String, operation: APIOperation, journal index: JournalIndex) throws -> Int {
        let present = try rowCount(batch: batch)
        let journalPath = index.reader.path
        let intact = try InterruptedWrite.extent(path: journalPath).intact
        // The journal as the index loaded it, every event already in the file: nothing to read.
        if intact == index.loadedExtent, present >= index.loadedEvents { return 0 }
        var events = 0
        var missing: [AuditRow] = []
        var recovered = 0
        try LineReader(path: journalPath).forEachRawLine(limit: intact) { bytes, _, _, _ in
            guard let entry = JournalEntry(jsonLine: bytes), entry.state != .pending else { return }
            events += 1
            guard events > present else { return }
            let pending = try index.pendingEntry(entry.line)
            missing.append(
                AuditRow(
                    entry, batch: batch, operation: operation, ref: pending?.ref ?? "",
                    card: pending?.cardID ?? pending?.maskedCardNumber ?? "", amount: pending?.amount ?? "",
                    currency: pending?.currency ?? "", email: pending?.email, target: pending?.target
                ).recovered)
            if missing.count == AuditLog.recoveryGroup {
                try record(missing)
                recovered += missing.count
                missing.removeAll(keepingCapacity: true)
            }
        }
        try record(missing)
        return recovered + missing.count
    }

    /// The journal events of `batch` in this file: its rows whose third column (after seq and
    /// time, which never hold a comma) is `batch` and whose fourth, `line`, is not empty — a
    /// checkpoint concerns no line and is no journal event.
    private func rowCount(batch: String) throws -> Int {
        let cell = Array(CSVFormat.oneLineCell(batch).utf8)
        var count = 0
        do {
            try LineReader(path: path).forEachRawLine { bytes, number, _, _ in
                guard number > 1 else { return }
                let cells = bytes.split(separator: 0x2C, maxSplits: 4, omittingEmptySubsequences: false)
                if cells.count > 4, cells[2].elementsEqual(cell), !cells[3].isEmpty { count += 1 }
            }
        } catch JournalError.io(_, let reason) {
            throw AuditError.io(path: path, reason: reason)
        }
        return count
    }
}
