// AuditLog: the append-only, hash-chained audit CSV. Appends continue the chain of whatever
// file is already there (across runs). The journal writes a batch's rows here in the same
// group commit as their journal entries (see `Journal`), each group with one write(2) and
// one fsync, so the audit rows of a batch are always a prefix of its journal's events.

import Foundation

/// Appends events to an audit file. Safe to share between concurrent rows.
public final class AuditLog: @unchecked Sendable {
    /// The audit file.
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var seq = 0
    private var lastHash = AuditRow.genesis

    /// Opens `path` for appending (created mode 0600 with a header when missing, its name made
    /// durable) and reads its last row to continue the chain. A last row without its line end
    /// is a write a crash cut off (`InterruptedWrite`): it is cut, and the journal puts the
    /// event back (`recover`).
    /// - Throws: `AuditError` when the file cannot be opened, does not start with the audit
    ///   header (never appended to), or its last complete row is not a chain row.
    public init(path: String) throws {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
        do {
            if lseek(fd, 0, SEEK_END) == 0 {
                try write(Array((AuditRow.header + "\n").utf8))
                if !existed { try FolderSync.syncName(of: path) }
                return
            }
            guard startsWithHeader() else { throw AuditError.broken(path: path, line: 1, reason: "not an audit file header") }
            try InterruptedWrite.cut(fd: fd, path: path)
        } catch JournalError.io(_, let reason) {
            close(fd)
            throw AuditError.io(path: path, reason: reason)
        } catch {
            close(fd)
            throw error
        }
        if let tail = try AuditVerifier.lastRow(path: path) { (seq, lastHash) = tail }
    }

    deinit { close(fd) }

    /// The sequence number and hash of the last row written (0 and 64 zeros when none).
    public var head: (seq: Int, hash: String) {
        lock.withLock { (seq, lastHash) }
    }

    /// Appends `rows` in order, chained to the previous row, with one write and one fsync.
    /// When that fails, the file is put back as it was (a row cut off half-way is removed)
    /// and the chain continues from the last row that is on disk.
    /// - Throws: `AuditError.io` when the write or fsync fails.
    public func record(_ rows: [AuditRow]) throws {
        guard !rows.isEmpty else { return }
        try lock.withLock {
            var (next, hash) = (seq, lastHash)
            var text = ""
            for row in rows {
                next += 1
                let encoded = row.encoded(seq: next, previousHash: hash)
                text += encoded.line
                hash = encoded.hash
            }
            let before = lseek(fd, 0, SEEK_END)
            do { try write(Array(text.utf8)) } catch {
                if before >= 0 { _ = ftruncate(fd, before) }
                throw error
            }
            (seq, lastHash) = (next, hash)
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
        guard fsync(fd) == 0 else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    private func startsWithHeader() -> Bool {
        let expected = Array((AuditRow.header + "\n").utf8)
        var first = [UInt8](repeating: 0, count: expected.count)
        let got = first.withUnsafeMutableBytes { pread(fd, $0.baseAddress, expected.count, 0) }
        return got == expected.count && first == expected
    }
}
