// ConnectionPool: idle kept-alive connections to the endpoint, at most `capacity` of them, each
// reusable only within its idle window. The lock guards the list only; connections are checked
// and closed outside it.

import Foundation
import KazeSync

/// Idle connections waiting for the next request.
///
/// `@unchecked Sendable`: a connection (`ByteStream`: a socket, perhaps a TLS session) is not
/// thread-safe, so it is not `Sendable`; the pool hands each one to a single request at a
/// time, and the list itself is only touched inside its `Locked` box.
final class ConnectionPool: @unchecked Sendable {
    private struct Idle {
        let stream: any ByteStream
        let reusableUntil: ContinuousClock.Instant
    }

    private let idle = Locked<[Idle]>([])
    private let openedCount = Locked(0)
    private let capacity: Int

    /// A pool keeping at most `capacity` idle connections.
    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The most recently used idle connection still inside its idle window (expired ones are
    /// closed); `nil` when there is none. The caller still checks that the server has not closed it.
    func checkOut(now: ContinuousClock.Instant = .now) -> (any ByteStream)? {
        var expired: [any ByteStream] = []
        let found: Idle? = idle.withLock { idle in
            expired = idle.filter { $0.reusableUntil <= now }.map(\.stream)
            idle.removeAll { $0.reusableUntil <= now }
            return idle.popLast()
        }
        expired.forEach { $0.close() }
        return found?.stream
    }

    /// Keeps `stream` for reuse until `keepAlive`'s window has passed; when the pool is full the
    /// oldest idle connection is closed instead.
    func checkIn(_ stream: any ByteStream, keepAlive: KeepAlive, now: ContinuousClock.Instant = .now) {
        let entry = Idle(stream: stream, reusableUntil: now + keepAlive.idleWindow)
        let evicted: (any ByteStream)? = idle.withLock { idle in
            idle.append(entry)
            return idle.count > capacity ? idle.removeFirst().stream : nil
        }
        evicted?.close()
    }

    /// Counts a newly opened connection.
    func noteOpened() { openedCount.withLock { $0 += 1 } }

    /// How many connections were opened so far.
    var opened: Int { openedCount.withLock { $0 } }
}
