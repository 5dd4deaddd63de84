// PlatformClock: what the platform's answers say about its clock. Every HTTP answer carries a
// `Date` header (whole seconds, the platform's UTC); the true skew lies in
// [date − received, date + 1 − sent]. Observations are intersected, so the bound only tightens.

import Foundation
import KazeSync

/// The measured difference between the platform's UTC clock and this machine's.
public final class PlatformClock: Sendable {
    /// Platform UTC minus local UTC, in seconds, as a closed interval.
    public struct Skew: Sendable, Equatable {
        /// The smallest difference consistent with every observation.
        public var low: Double
        /// The largest difference consistent with every observation.
        public var high: Double

        /// An interval from `low` to `high`.
        public init(low: Double, high: Double) {
            self.low = low
            self.high = high
        }
    }

    private let measured = Locked<Skew?>(nil)

    /// A clock with nothing measured yet.
    public init() {}

    /// The skew measured so far, nil before the first answer with a `Date` header.
    public var skew: Skew? { measured.withLock { $0 } }

    /// Folds in one answer: sent at local `sent`, its last byte read at local `received`, with
    /// the `Date` header `serverDate`. An observation that contradicts the ones before (the
    /// platform's clock was stepped) replaces them.
    public func observe(sent: Date, received: Date, serverDate: Date) {
        let date = serverDate.timeIntervalSince1970
        let fresh = Skew(low: date - received.timeIntervalSince1970, high: date + 1 - sent.timeIntervalSince1970)
        measured.withLock { measured in
            guard let known = measured else {
                measured = fresh
                return
            }
            let low = max(known.low, fresh.low)
            let high = min(known.high, fresh.high)
            measured = low <= high ? Skew(low: low, high: high) : fresh
        }
    }
}
