// AuditLog: the append-only, hash-chained audit CSV. Appends continue the chain of whatever
// file is already there (across runs). The journal writes a batch's rows here in the same
// group commit as their journal entries (see `Journal`), each group with one write(2) and
// one fsync, so the audit rows of a batch are always a prefix of its journal's events.
// With a signer, a signed CHECKPOINT row (itself a chain row) follows every 1,000 events or
// 60 s of them, and `checkpoint()` adds one at the end of a run.

import Foundation
import KazeSync

/// Appends events to an audit file. Safe to share between concurrent rows.
public final class AuditLog: Sendable {
    /// The audit file.
    public let path: String
    private let fd: Int32
    private let chain = Locked(Chain())
    private let signer: AuditSigner?
    private let batch: String
    private let checkpointEvery: Int

    /// Where the file's chain stands; changed only together with the file, under the lock.
    private struct Chain {
        var seq = 0
        var lastHash = AuditRow.genesis
        /// Rows after the last checkpoint, and when the first of them was written (uptime).
        var unsigned = 0
        var unsignedSince: Double?
        var lastCheckpointSeq: Int?
    }

    /// A checkpoint follows at the latest this many events after the previous one.
    public static let defaultCheckpointEvery = 1_000
    /// ... or this many seconds after the first event it will cover.
    public static let checkpointInterval = 60.0

    /// Opens `path` for appending (created mode 0600 with a header when missing, its name made
    /// durable) and reads its last row to continue the chain. A last row without its line end
    /// is a write a crash cut off (`InterruptedWrite`): it is cut, and the journal puts the
    /// event back (`recover`).
    /// - Parameters:
    ///   - signer: signs the checkpoints of `batch`; nil writes none.
    ///   - checkpointEvery: events between checkpoints (at most).
    /// - Throws: `AuditError` when the file cannot be opened, does not start with the audit
    ///   header (never appended to; a file of an older kazebatch without the `detail` column
    ///   is refused too), or its last complete row is not a chain row.
    public init(
        path: String, signer: AuditSigner? = nil, batch: String = "",
        checkpointEvery: Int = AuditLog.defaultCheckpointEvery
    ) throws {
        self.path = path
        self.signer = signer
        self.batch = batch
        self.checkpointEvery = max(1, checkpointEvery)
        let existed = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
        do {
            if lseek(fd, 0, SEEK_END) == 0 {
                try write(Array((AuditRow.header + "\n").utf8))
                if !existed { try FolderSync.syncName(of: path) }
                return
            }
            if starts(with: AuditRow.legacyHeader) {
                throw AuditError.broken(
                    path: path, line: 1,
                    reason: "written by an older kazebatch (no detail column): it still"
                        + " verifies with `kazebatch audit verify`, but is not appended to; give the run a new --audit file")
            }
            guard starts(with: AuditRow.header) else { throw AuditError.broken(path: path, line: 1, reason: "not an audit file header") }
            try InterruptedWrite.cut(fd: fd, path: path)
        } catch JournalError.io(_, let reason) {
            close(fd)
            throw AuditError.io(path: path, reason: reason)
        } catch {
            close(fd)
            throw error
        }
        if let tail = try AuditVerifier.lastRow(path: path) {
            chain.withLock { chain in
                (chain.seq, chain.lastHash) = (tail.seq, tail.hash)
                // A last row that is not a checkpoint: a run was cut off before its checkpoint.
                if tail.isCheckpoint { chain.lastCheckpointSeq = tail.seq } else { chain.unsigned = 1 }
            }
        }
    }

    deinit { close(fd) }

    /// The sequence number and hash of the last row written (0 and 64 zeros when none).
    public var head: (seq: Int, hash: String) {
        chain.withLock { ($0.seq, $0.lastHash) }
    }

    /// The seq of the last checkpoint row in the file, nil when there is none yet.
    public var lastCheckpoint: Int? { chain.withLock { $0.lastCheckpointSeq } }

    /// Appends `rows` in order, chained to the previous row, with one write and one fsync —
    /// followed by a checkpoint when one is due (`checkpointEvery` events, or
    /// `checkpointInterval` seconds since the first unsigned one). When that fails, the file
    /// is put back as it was (a row cut off half-way is removed) and the chain continues
    /// from the last row that is on disk.
    /// - Throws: `AuditError.io` when the write, fsync or a signature fails.
    public func record(_ rows: [AuditRow]) throws {
        guard !rows.isEmpty else { return }
        try chain.withLock { try append(rows, checkpoint: false, to: &$0) }
    }

    /// Appends a checkpoint now when any row is not covered by one yet (the end of a run).
    /// Does nothing without a signer.
    /// - Throws: `AuditError.io` when the write, fsync or signature fails.
    public func checkpoint() throws {
        try chain.withLock { if $0.unsigned > 0 { try append([], checkpoint: true, to: &$0) } }
    }

    /// Appends a checkpoint when one is due by time (called while a run waits).
    /// - Throws: `AuditError.io` when the write, fsync or signature fails.
    public func checkpointIfDue() throws {
        try chain.withLock { if checkpointDue(adding: 0, to: $0) { try append([], checkpoint: true, to: &$0) } }
    }

    private func checkpointDue(adding count: Int, to chain: Chain) -> Bool {
        guard signer != nil, chain.unsigned + count > 0 else { return false }
        let since = chain.unsignedSince ?? ProcessInfo.processInfo.systemUptime
        return chain.unsigned + count >= checkpointEvery || ProcessInfo.processInfo.systemUptime - since >= AuditLog.checkpointInterval
    }

    /// Writes `rows` and, when forced or due, a checkpoint after them, and moves `chain` on;
    /// called with the lock held.
    private func append(_ rows: [AuditRow], checkpoint forced: Bool, to chain: inout Chain) throws {
        var (next, hash) = (chain.seq, chain.lastHash)
        var text = ""
        for row in rows {
            next += 1
            let encoded = row.encoded(seq: next, previousHash: hash)
            text += encoded.line
            hash = encoded.hash
        }
        let signing = (forced || checkpointDue(adding: rows.count, to: chain)) ? signer : nil
        if let signing {
            next += 1
            let signature: String
            do { signature = try signing.signature(batch: batch, seq: next, head: hash) } catch {
                throw AuditError.io(path: path, reason: "cannot sign a checkpoint: \(error)")
            }
            let row = AuditRow(
                time: Timestamp.text(), batch: batch, line: 0, ref: "", apiCode: "", requestNo: "",
                event: AuditRow.checkpointEvent, code: "", amount: "", currency: "", card: "", detail: signature)
            let encoded = row.encoded(seq: next, previousHash: hash)
            text += encoded.line
            hash = encoded.hash
        }
        guard !text.isEmpty else { return }
        let before = lseek(fd, 0, SEEK_END)
        do { try write(Array(text.utf8)) } catch {
            if before >= 0 { _ = ftruncate(fd, before) }
            throw error
        }
        (chain.seq, chain.lastHash) = (next, hash)
        if signing != nil {
            (chain.unsigned, chain.unsignedSince, chain.lastCheckpointSeq) = (0, nil, next)
        } else {
            if chain.unsignedSince == nil { chain.unsignedSince = ProcessInfo.processInfo.systemUptime }
            chain.unsigned += rows.count
        }
    }

    /// Appends one event (see `record(_:)` for a group).
    /// - Throws: `AuditError.io` when the write or fsync fails.
    public func record(_ row: AuditRow) throws { try record([row]) }

    private func write(_ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, $0.count - done) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AuditError.io(path: path, reason: String(cString: strerror(errno)))
            }
            done += written
        }
        guard CommitSync.sync(fd) else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    /// True when the file's first line is `header` (ended by LF or CRLF).
    private func starts(with header: String) -> Bool {
        let expected = Array(header.utf8)
        var first = [UInt8](repeating: 0, count: expected.count + 2)
        let got = first.withUnsafeMutableBytes { pread(fd, $0.baseAddress, expected.count + 2, 0) }
        guard got > expected.count, first.prefix(expected.count).elementsEqual(expected) else { return false }
        return first[expected.count] == 0x0A
            || (got == expected.count + 2 && first[expected.count] == 0x0D && first[expected.count + 1] == 0x0A)
    }
}
