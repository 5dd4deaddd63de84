// OperationLog: the append-only log of committed operations beside the `--state` file. An
// entry is written under the engine's lock (so the log's order is the commit order) and flushed
// to disk (fdatasync) before the request is answered or dropped; concurrent requests share
// flushes. A compaction sets the log aside (FILE.log.old) while the snapshot is written.

import Foundation
import KazeSync

/// The operation log of one state file.
final class OperationLog: Sendable {
    private let file: StateFile
    /// The open log; replaced when the log is set aside.
    private let fd: Locked<Int32>

    /// Opens the log for appending, emptied when `fresh` (the snapshot holds everything).
    /// - Throws: `SandboxStateError` when it cannot be opened.
    init(file: StateFile, fresh: Bool) throws {
        self.file = file
        if fresh {
            _ = unlink(file.retiredLogPath)
            _ = unlink(file.logPath)
        }
        fd = Locked(try Self.open(file.logPath))
    }

    deinit { fd.withLock { _ = close($0) } }

    /// Appends one entry (a line). Called under the engine's lock.
    /// - Throws: `SandboxStateError` when the write fails.
    func append(_ line: [UInt8]) throws {
        let written = fd.withLock { WholeWrite.toFile($0, line) }
        guard written else {
            throw SandboxStateError(path: file.logPath, problem: "cannot append: \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes what was appended so far to disk.
    func sync() {
        let current = fd.withLock { $0 }
        _ = fdatasync(current)
    }

    /// Sets the log aside as FILE.log.old and starts a new one, unless a set-aside log is still
    /// there (its snapshot failed): then the log keeps growing and the next snapshot covers both.
    /// Called under the engine's lock.
    func setAside() throws {
        try fd.withLock { fd in
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
