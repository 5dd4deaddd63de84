// BatchLock: one run per batch at a time — an flock'd lock file in the batch folder. The
// kernel drops the lock when its holder dies, so a lock left by a killed run is never stale.

import Foundation

/// An exclusive lock on a batch, held until `release()` or deinit.
public final class BatchLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var fd: Int32

    /// Takes the lock at `path` without waiting, writing this process id into it.
    /// - Throws: `JournalError.locked` (naming the holder's pid) when another run has it,
    ///   `JournalError.io` when the file cannot be opened.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            throw JournalError.locked(path: path, holder: holder.isEmpty ? "unknown process" : "pid \(holder)")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Gives the lock up (idempotent).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
