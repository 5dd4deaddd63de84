// BatchLock: one run per batch at a time — an fcntl lock on the whole lock file in the batch
// folder (open-file-description locks on Linux). The kernel drops the lock when its holder
// dies, so a lock left by a killed run is never stale; and another process can ask whether it
// is held (`holder(of:)`) without taking it, so looking never makes a starting run fail.

import Foundation
import KazeSync

/// An exclusive lock on a batch, held until `release()` or deinit.
public final class BatchLock: Sendable {
    /// The lock file.
    public let path: String
    /// The open lock file (-1 once released).
    private let fd: Locked<Int32>

    /// Takes the lock at `path` without waiting, writing this process id into it.
    /// - Throws: `JournalError.locked` (naming the holder's pid) when another run has it,
    ///   `JournalError.io` when the file cannot be opened.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: String(cString: strerror(errno))) }
        var range = Self.wholeFile(F_WRLCK)
        guard fcntl(fd, Self.setLock, &range) == 0 else {
            close(fd)
            throw JournalError.locked(path: path, holder: Self.pidWritten(in: path))
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        self.fd = Locked(fd)
    }

    /// Who holds the lock at `path` (`pid 1234`, or `unknown process`), or nil when nobody
    /// does or the file does not exist. Only asks the kernel: the lock is never taken, not
    /// even for a moment, and the file is never created.
    /// - Throws: `JournalError.io` when the file exists but cannot be opened or asked.
    public static func holder(of path: String) throws -> String? {
        let probe = open(path, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else {
            if errno == ENOENT { return nil }
            throw JournalError.io(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(probe) }
        var range = wholeFile(F_WRLCK)
        guard fcntl(probe, getLock, &range) == 0 else {
            throw JournalError.io(path: path, reason: String(cString: strerror(errno)))
        }
        return range.l_type == Int16(F_UNLCK) ? nil : pidWritten(in: path)
    }

    /// Gives the lock up (idempotent): closing the file drops it.
    public func release() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }

    #if os(Linux)
    /// F_OFD_GETLK / F_OFD_SETLK (not exported to Swift): locks owned by the open file, so two
    /// opens in one process exclude each other, and closing another descriptor keeps them.
    private static let getLock: Int32 = 36
    private static let setLock: Int32 = 37
    #else
    private static let getLock = F_GETLK
    private static let setLock = F_SETLK
    #endif

    private static func wholeFile(_ type: Int32) -> flock {
        var range = flock()
        range.l_type = Int16(type)
        range.l_whence = Int16(SEEK_SET)
        return range
    }

    private static func pidWritten(in path: String) -> String {
        let pid = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return pid.isEmpty ? "unknown process" : "pid \(pid)"
    }
}
