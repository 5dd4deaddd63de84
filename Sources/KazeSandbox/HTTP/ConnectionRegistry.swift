// ConnectionRegistry: the server's shared, lock-guarded state — running or stopped, and the
// open connection descriptors — so `stop()` can wake every thread safely from any thread.

import Foundation

/// The mutable state shared by the accept thread, connection threads and `stop()`.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var started = false
    private var stopped = false
    private var open: Set<Int32> = []
    /// Every server thread (accept loop and connections) enters this group.
    let threads = DispatchGroup()

    /// Marks the server started; false when it already was (or was stopped).
    func begin() -> Bool {
        lock.withLock {
            guard !started, !stopped else { return false }
            started = true
            return true
        }
    }

    /// True once `stop()` was called.
    var isStopped: Bool { lock.withLock { stopped } }

    /// Records a new connection; false when stopping or when `limit` connections are open.
    func admit(_ fd: Int32, limit: Int) -> Bool {
        lock.withLock {
            guard !stopped, open.count < limit else { return false }
            open.insert(fd)
            return true
        }
    }

    /// Forgets and closes a connection; the lock keeps `stop()` from touching a reused number.
    func release(_ fd: Int32) {
        lock.withLock {
            open.remove(fd)
            POSIXSocket.close(fd)
        }
    }

    /// Marks the server stopped and wakes every connection blocked in a read.
    /// - Returns: false when it was already stopped.
    func stopAll() -> Bool {
        lock.withLock {
            guard !stopped else { return false }
            stopped = true
            for fd in open { POSIXSocket.shutdown(fd, .both) }
            return true
        }
    }
}
