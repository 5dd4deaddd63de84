// ConnectionRegistry: the server's shared, lock-guarded state — running or stopped, and the
// open connection descriptors — so `stop()` can wake every thread safely from any thread.

import Foundation
import KazeSync

/// The mutable state shared by the accept thread, connection threads and `stop()`.
final class ConnectionRegistry: Sendable {
    private let state = Locked(State())
    /// Every server thread (accept loop and connections) enters this group.
    let threads = DispatchGroup()

    /// Running or stopped, and the open descriptors.
    private struct State {
        var started = false
        var stopped = false
        var open: Set<Int32> = []
    }

    /// Marks the server started; false when it already was (or was stopped).
    func begin() -> Bool {
        state.withLock { state in
            guard !state.started, !state.stopped else { return false }
            state.started = true
            return true
        }
    }

    /// True once `stop()` was called.
    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Records a new connection; false when stopping or when `limit` connections are open.
    func admit(_ fd: Int32, limit: Int) -> Bool {
        state.withLock { state in
            guard !state.stopped, state.open.count < limit else { return false }
            state.open.insert(fd)
            return true
        }
    }

    /// Forgets and closes a connection; the lock keeps `stop()` from touching a reused number.
    func release(_ fd: Int32) {
        state.withLock { state in
            state.open.remove(fd)
            POSIXSocket.close(fd)
        }
    }

    /// Marks the server stopped and wakes every connection blocked in a read.
    /// - Returns: false when it was already stopped.
    func stopAll() -> Bool {
        state.withLock { state in
            guard !state.stopped else { return false }
            state.stopped = true
            for fd in state.open { POSIXSocket.shutdown(fd, .both) }
            return true
        }
    }
}
