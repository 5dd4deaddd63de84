// AuditLog: the append-only, hash-chained audit CSV. Appends continue the chain of whatever
// file is already there (across runs); each row is written with one write(2) call.

import Foundation

/// Appends events to an audit file. Safe to share between concurrent rows.
public final class AuditLog: @unchecked Sendable {
    /// The audit file.
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var seq: Int
    private var lastHash: String

    /// Opens `path` for appending (created mode 0600 with a header when missing) and reads
    /// its last row to continue the chain.
    /// - Throws: `AuditError` when the file cannot be opened or its last row is not a chain row.
    public init(path: String) throws {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
        (seq, lastHash) = (0, AuditRow.genesis)
        if existed, let tail = try AuditVerifier.lastRow(path: path) {
            (seq, lastHash) = tail
        } else if !existed || AuditLog.isEmpty(path) {
            try append(text: AuditRow.header + "\n")
        } else if !AuditLog.isHeaderOnly(path) {  // a one-line file that is not ours: never append to it
            throw AuditError.broken(path: path, line: 1, reason: "not an audit file header")
        }
    }

    deinit { close(fd) }

    /// The sequence number and hash of the last row written (0 and 64 zeros when none).
    public var head: (seq: Int, hash: String) {
        lock.withLock { (seq, lastHash) }
    }

    /// Appends one event, chained to the previous row.
    /// - Throws: `AuditError.io` when the write fails.
    public func record(_ row: AuditRow) throws {
        try lock.withLock {
            let (text, hash) = row.encoded(seq: seq + 1, previousHash: lastHash)
            try append(text: text)
            seq += 1
            lastHash = hash
        }
    }

    /// Flushes the file to disk.
    public func sync() { fsync(fd) }

    private func append(text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw AuditError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    private static func isHeaderOnly(_ path: String) -> Bool {
        let expected = Data((AuditRow.header + "\n").utf8)
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: expected.count + 1)) == expected
    }

    private static func isEmpty(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0
    }
}
