// OperationLog: the append-only log of committed operations beside the `--state` file. An
// entry is written under the engine's lock (so the log's order is the commit order) and flushed
// to disk (fdatasync) before the request is answered or dropped; concurrent requests share
// flushes. A compaction sets the log aside (FILE.log.old) while the snapshot is written.

import Foundation

/// The operation log of one state file.
final class OperationLog: @unchecked Sendable {
    private let file: StateFile
    private let lock = NSLock()
    private var fd: Int32

    /// Opens the log for appending, emptied when `fresh` (the snapshot holds everything).
    /// - Throws: `SandboxStateError` when it cannot be opened.
    init(file: StateFile, fresh: Bool) throws {
        self.file = file
        if fresh {
            _ = unlink(file.retiredLogPath)
            _ = unlink(file.logPath)
        }
        fd = try Self.open(file.logPath)
    }

    deinit { _ = close(fd) }

    /// Appends one entry (a line). Called under the engine's lock.
    /// - Throws: `SandboxStateError` when the write fails.
    func append(_ line: [UInt8]) throws {
        let written = lock.withLock { WholeWrite.toFile(fd, line) }
        guard written else {
            throw SandboxStateError(path: file.logPath, problem: "cannot append: \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes what was appended so far to disk.
    func sync() {
        let current = lock.withLock { fd }
        _ = fdatasync(current)
    }

    /// Sets the log aside as FILE.log.old and starts a new one, unless a set-aside log is still
    /// there (its snapshot failed): then the log keeps growing and the next snapshot covers both.
    /// Called under the engine's lock.
    func setAside() throws {
        try lock.withLock {
            guard !FileManager.default.fileExists(atPath: file.retiredLogPath) else { return }
            _ = fdatasync(fd)
            guard rename(file.logPath, file.retiredLogPath) == 0 else {
                throw SandboxStateError(path: file.logPath, problem: "cannot set aside: \(String(cString: strerror(errno)))")
            }
            let next = try Self.open(file.logPath)
            _ = close(fd)
            fd = next
        }
    }

    /// Deletes the set-aside log once a snapshot holds its entries.
    func dropSetAside() { _ = unlink(file.retiredLogPath) }

    private static func open(_ path: String) throws -> Int32 {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw SandboxStateError(path: path, problem: "cannot be opened: \(String(cString: strerror(errno)))") }
        return fd
    }
}
