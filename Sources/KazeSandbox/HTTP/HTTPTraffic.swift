// HTTPTraffic: what one server's connections did, shared by them under one lock — requests read,
// connections refused (too many at once, or over the buffer cap), and the request bytes buffered
// across every connection, with the peak: the cap on those bytes is enforced here.

import Foundation
import KazeSync

/// Counters and the buffered-bytes budget of one `HTTPServer`. Safe from any thread.
public final class HTTPTraffic: Sendable {
    /// A snapshot of the counters.
    public struct Counts: Sendable, Equatable {
        /// Requests read whole and handed to the handler.
        public var requests = 0
        /// Connections answered 503 because `maxConnections` were open.
        public var refusedConnections = 0
        /// Connections answered 503 because their bytes would pass `maxBufferedBytes`.
        public var refusedOverBuffer = 0
        /// Request bytes buffered now, across connections.
        public var bufferedBytes = 0
        /// The most request bytes ever buffered at once.
        public var peakBufferedBytes = 0
    }

    private let counts = Locked(Counts())

    /// Fresh counters.
    public init() {}

    /// The counters now.
    public var snapshot: Counts { counts.withLock { $0 } }

    /// Takes `bytes` more for a connection's buffer; false (nothing taken, the refusal counted)
    /// when that would pass `limit` across connections.
    func take(_ bytes: Int, limit: Int) -> Bool {
        counts.withLock { counts in
            guard counts.bufferedBytes + bytes <= limit else {
                counts.refusedOverBuffer += 1
                return false
            }
            counts.bufferedBytes += bytes
            counts.peakBufferedBytes = max(counts.peakBufferedBytes, counts.bufferedBytes)
            return true
        }
    }

    /// Gives back `bytes` taken earlier.
    func giveBack(_ bytes: Int) { counts.withLock { $0.bufferedBytes -= bytes } }

    /// Counts one request read.
    func countRequest() { counts.withLock { $0.requests += 1 } }

    /// Counts one connection refused for being one too many.
    func countRefusedConnection() { counts.withLock { $0.refusedConnections += 1 } }
}
