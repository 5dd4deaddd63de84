// StopRequest: an operator's request to stop a run early (SIGINT/SIGTERM, caught by the
// command-line layer). The executor starts no new row once it is set; rows in flight finish
// and are journaled, then the results and summary are written as for any run.

import Foundation

/// A stop asked for from outside the run; safe to set from a signal handler's queue.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?

    /// No stop asked for yet.
    public init() {}

    /// Records `signal` as the reason to stop; returns true the first time only.
    @discardableResult
    public func request(signal: Int32) -> Bool {
        lock.withLock {
            guard received == nil else { return false }
            received = signal
            return true
        }
    }

    /// The signal that asked for the stop, if one did.
    public var signal: Int32? { lock.withLock { received } }

    /// The signal's name for an operator (`SIGINT`, `SIGTERM`, else `signal N`).
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
