// RetryPolicy: how often and after how long a transient failure is sent again —
// exponential backoff with full jitter, never sooner than the server's Retry-After.

/// When to try again after a transient failure.
public struct RetryPolicy: Sendable {
    /// Total attempts per row in one run, including the first (≥ 1).
    public let maxAttempts: Int
    /// The backoff cap for the first retry, in seconds; it doubles with each attempt.
    public let baseDelay: Double
    /// The largest backoff cap, in seconds.
    public let maxDelay: Double
    private let random: RandomSource

    /// - Parameters:
    ///   - maxAttempts: attempts per row, including the first.
    ///   - baseDelay: the cap of the first backoff (default 0.25 s).
    ///   - maxDelay: the largest cap (default 20 s).
    ///   - random: the jitter source (seed it in tests).
    public init(maxAttempts: Int, baseDelay: Double = 0.25, maxDelay: Double = 20, random: RandomSource = RandomSource()) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// True when a row that just finished attempt `attempt` (1-based) may be tried again.
    public func allowsRetry(after attempt: Int) -> Bool { attempt < maxAttempts }

    /// The wait before attempt `attempt + 1`: uniform in `0...min(maxDelay, baseDelay·2^(attempt-1))`
    /// (full jitter), but at least `retryAfter` when the server asked for it.
    public func delay(after attempt: Int, retryAfter: Double?) -> Double {
        let doublings = min(max(attempt - 1, 0), 30)
        let cap = min(maxDelay, baseDelay * Double(1 << doublings))
        let jittered = cap * random.nextFraction()
        return max(jittered, retryAfter ?? 0)
    }
}
