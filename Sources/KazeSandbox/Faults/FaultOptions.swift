// FaultOptions: which failures the sandbox injects, how often, and the seed that makes the
// choice repeatable.

/// Fault injection settings; fractions are 0...1 and apply per API request.
public struct FaultOptions: Sendable, Equatable {
    /// Fixed added latency per request, in milliseconds.
    public var latencyMs: Int
    /// Extra random latency, uniform in 0...latencyJitterMs.
    public var latencyJitterMs: Int
    /// Requests per second allowed (token bucket, burst = max(1, rate)); `nil` = unlimited.
    public var rateLimit: Double?
    /// Fraction answered HTTP 500 or envelope SYSTEM_ERROR (half each), nothing committed.
    public var failRate: Double
    /// Fraction that get no answer and commit nothing: the connection is held for
    /// `timeoutHangMs` and then closed.
    public var timeoutRate: Double
    /// How long a timed-out request is held before its connection is closed.
    public var timeoutHangMs: Int
    /// Fraction that are committed and then dropped without an answer.
    public var dropAfterCommitRate: Double
    /// Fraction whose (committed) answer carries a corrupted signature.
    public var badSignRate: Double
    /// Seed of the deterministic generator behind every random choice.
    public var seed: UInt64

    /// No faults at all.
    public init(
        latencyMs: Int = 0, latencyJitterMs: Int = 0, rateLimit: Double? = nil, failRate: Double = 0,
        timeoutRate: Double = 0, timeoutHangMs: Int = 0, dropAfterCommitRate: Double = 0, badSignRate: Double = 0,
        seed: UInt64 = 1
    ) {
        self.latencyMs = latencyMs
        self.latencyJitterMs = latencyJitterMs
        self.rateLimit = rateLimit
        self.failRate = failRate
        self.timeoutRate = timeoutRate
        self.timeoutHangMs = timeoutHangMs
        self.dropAfterCommitRate = dropAfterCommitRate
        self.badSignRate = badSignRate
        self.seed = seed
    }
}
