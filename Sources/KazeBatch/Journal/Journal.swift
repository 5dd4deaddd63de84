// Journal: the append-only JSONL file of one batch. Appends are group-committed: entries
// that arrive while a write is in progress go out together, and every caller returns only
// after its entry is on disk (write + fsync), with the byte offset where it starts. The audit
// rows of the group's entries are written in the same commit, after the journal's fsync, so
// the audit never holds an event the journal does not, and its rows of the batch are always a
// prefix of the journal's events (`AuditLog.recover` appends the rest on the next open).

import Foundation
import KazeSync

/// The writer of one batch's journal. Safe to share between concurrent rows.
public final class Journal: Sendable {
    /// The journal file.
    public let path: String
    private let fd: Int32
    private let audit: AuditLog?
    private let state = Locked(State())
    private let queue = DispatchQueue(label: "kazebatch.journal")
    /// The test-only crash point (`JournalCrashPoint`); nil in every normal run.
    private let crashPoint = JournalCrashPoint.armed()

    /// The queue of entries waiting for the next group, and what went wrong so far.
    private struct State {
        var pending: [Waiting] = []
        var draining = false
        var broken: JournalError?
        var auditError: AuditError?
        /// Entries made durable by this process.
        var durableCount = 0
    }

    /// One queued entry: its line, its audit row, and who waits for it.
    private struct Waiting {
        let bytes: Data
        let auditRow: AuditRow?
        let continuation: CheckedContinuation<UInt64, Error>
    }

    /// Opens (creating if needed) the journal at `path` for appending; with `audit`, the audit
    /// rows given to `append` go to that file in the same group commit. A torn last line left
    /// by a crash (see `InterruptedWrite`) is cut off first, so new entries start on a line of
    /// their own where `JournalIndex.load`, which ignores it by the same rule, expects them.
    /// - Throws: `JournalError.io`.
    public init(path: String, audit: AuditLog? = nil) throws {
        self.path = path
        self.audit = audit
        let created = !FileManager.default.fileExists(atPath: path)
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: String(cString: strerror(errno))) }
        do {
            if created { try FolderSync.syncName(of: path) }
            try InterruptedWrite.cut(fd: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Why the audit file stopped being written in this process, if it did. From then on the
    /// journal goes on alone; the events it holds beyond the audit file's are recovered the
    /// next time the batch is opened.
    public var auditFailure: AuditError? { state.withLock { $0.auditError } }

    /// Appends `entry` and returns once it is durable — and `auditRow`, when given, is durable
    /// in the audit file after it — with the byte offset of its line (for `JournalIndex`,
    /// which reads entries back by offset). A failed write is taken back (the file keeps only
    /// whole entries); when even that fails, every later append fails too.
    /// - Throws: `JournalError.io` when the journal write or fsync fails; an audit failure is
    ///   not thrown (the entry is durable) but reported by `auditFailure`.
    @discardableResult
    public func append(_ entry: JournalEntry, audit auditRow: AuditRow? = nil) async throws -> UInt64 {
        var data = Data(entry.jsonLine)
        data.append(0x0A)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt64, Error>) in
            let start = state.withLock { state in
                state.pending.append(Waiting(bytes: data, auditRow: auditRow, continuation: continuation))
                defer { state.draining = true }
                return !state.draining
            }
            if start { queue.async { self.drain() } }
        }
    }

    /// Writes and fsyncs everything queued, group by group, until the queue is empty: the
    /// journal's bytes first, then the group's audit rows, then the callers resume.
    private func drain() {
        while true {
            let (group, failure, durableCount) = state.withLock { state in
                defer { state.pending = [] }
                if state.pending.isEmpty { state.draining = false }
                return (state.pending, state.broken, state.durableCount)
            }
            if group.isEmpty { return }
            if let failure {
                for waiting in group { waiting.continuation.resume(throwing: failure) }
                continue
            }
            // Shorter than `group` only when it ends at the crash point, where the process dies.
            let writing = crashPoint.map { Array(group.prefix($0.writable(group.count, after: durableCount))) } ?? group
            let end = lseek(fd, 0, SEEK_END)  // O_APPEND writes land at the end; one writer per batch
            guard end >= 0 else {
                let error = JournalError.io(path: path, reason: String(cString: strerror(errno)))
                for waiting in group { waiting.continuation.resume(throwing: error) }
                continue
            }
            var bytes = Data()
            var offsets: [UInt64] = []
            for waiting in writing {
                offsets.append(UInt64(end) + UInt64(bytes.count))
                bytes.append(waiting.bytes)
            }
            if let error = writeAndSync(bytes, takingBackTo: end) {
                for waiting in group { waiting.continuation.resume(throwing: error) }
                continue
            }
            let durable = state.withLock { state in
                state.durableCount += writing.count
                return state.durableCount
            }
            if let crashPoint, crashPoint.isReached(after: durable) { crashPoint.crash() }
            writeAudit(group.compactMap(\.auditRow))
            for (waiting, offset) in zip(group, offsets) { waiting.continuation.resume(returning: offset) }
        }
    }

    /// Writes the audit rows of a durable group, unless the audit file failed before (a later
    /// row must never land after a missing one).
    private func writeAudit(_ rows: [AuditRow]) {
        guard let audit, !rows.isEmpty, auditFailure == nil else { return }
        do { try audit.record(rows) } catch {
            let failure = error as? AuditError ?? .io(path: audit.path, reason: "\(error)")
            state.withLock { $0.auditError = failure }
        }
    }

    /// Writes and fsyncs `bytes`; on failure cuts the file back to `end` (its length before),
    /// or, when that fails too, marks the journal broken for every later append.
    private func writeAndSync(_ bytes: Data, takingBackTo end: off_t) -> JournalError? {
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        if ok, CommitSync.sync(fd) { return nil }
        let reason = String(cString: strerror(errno))
        if ftruncate(fd, end) != 0 || fsync(fd) != 0 {
            state.withLock {
                $0.broken = .io(path: path, reason: "\(reason); the failed write could not be taken back, so nothing more is written")
            }
        }
        return .io(path: path, reason: reason)
    }
}
