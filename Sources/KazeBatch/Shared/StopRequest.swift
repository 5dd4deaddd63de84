// StopRequest: a request to stop a run early, from outside the executor — an operator's signal
// (caught by the command-line layer) or the input file changing (seen by `UnchangedInput`).
// The executor starts no new row once it is set; rows in flight finish and are journaled, then
// the results and summary are written as for any run.

import KazeSync

/// A stop asked for from outside the run; safe to set from any thread.
public final class StopRequest: Sendable {
    private let received = Locked<StopReason?>(nil)

    /// No stop asked for yet.
    public init() {}

    /// Records `reason` as the reason to stop; returns true the first time only (the first
    /// reason is kept).
    @discardableResult
    public func request(_ reason: StopReason) -> Bool {
        received.withLock { received in
            guard received == nil else { return false }
            received = reason
            return true
        }
    }

    /// Why the stop was asked for, if it was.
    public var reason: StopReason? { received.withLock { $0 } }
}
