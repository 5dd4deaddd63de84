// PacingClock: the time source the rate limiter and retry backoff wait on, injectable so
// tests can drive time by hand.

import Foundation

/// A monotonic clock that can also wait.
public protocol PacingClock: Sendable {
    /// Seconds since an arbitrary fixed point; never goes backwards.
    func now() -> Double
    /// Suspends the caller for `seconds` (returns at once for zero or less).
    func sleep(seconds: Double) async
}

/// The real clock: `ContinuousClock` time and `Task.sleep`.
public struct SystemPacingClock: PacingClock {
    private let origin = ContinuousClock.now

    /// A clock whose zero is the moment it was made.
    public init() {}

    /// Seconds since this clock was made.
    public func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Sleeps with `Task.sleep`; cancellation ends the wait early.
    public func sleep(seconds: Double) async {
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(min(seconds, 1e9) * 1e9))  // UInt64 would trap past ~584 years
    }
}
