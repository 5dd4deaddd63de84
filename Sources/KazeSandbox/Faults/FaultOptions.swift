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
    /// How a request beyond `rateLimit` is answered.
    public var rateLimitStyle: RateLimitStyle
    /// Fraction answered HTTP 500 or envelope SYSTEM_ERROR (half each), nothing committed.
    public var failRate: Double
    /// Fraction that get no answer and commit nothing: the connection is held for
    /// `timeoutHangMs` and then closed.
    public var timeoutRate: Double
    /// How long a timed-out request is held before its connection is closed.
    public var timeoutHangMs: Int
    /// Fraction that are committed and then dropped without an answer.
    public var dropAfterCommitRate: Double
    /// Fraction that are committed and then answered HTTP 502 or 504 (half each) with an HTML
    /// page, as a reverse proxy in front of the platform would.
    public var gatewayErrorRate: Double
    /// Fraction whose connection is closed at once without an answer and which commit
    /// `lateCommitMs` later.
    public var lateCommitRate: Double
    /// How long after the drop a late commit happens.
    public var lateCommitMs: Int
    /// Fraction of committed recharges that settle to FAILED (no credit, money back to the
    /// merchant) instead of SUCCESS.
    public var rechargeFailRate: Double
    /// Fraction whose (committed) answer carries a corrupted signature.
    public var badSignRate: Double
    /// Seed of the deterministic generator behind every random choice.
    public var seed: UInt64

    /// No faults at all.
    public init(
        latencyMs: Int = 0, latencyJitterMs: Int = 0, rateLimit: Double? = nil, rateLimitStyle: RateLimitStyle = .mixed,
        failRate: Double = 0, timeoutRate: Double = 0, timeoutHangMs: Int = 0, dropAfterCommitRate: Double = 0,
        gatewayErrorRate: Double = 0, lateCommitRate: Double = 0, lateCommitMs: Int = 5000, rechargeFailRate: Double = 0,
        badSignRate: Double = 0, seed: UInt64 = 1
    ) {
        self.latencyMs = latencyMs
        self.latencyJitterMs = latencyJitterMs
        self.rateLimit = rateLimit
        self.rateLimitStyle = rateLimitStyle
        self.failRate = failRate
        self.timeoutRate = timeoutRate
        self.timeoutHangMs = timeoutHangMs
        self.dropAfterCommitRate = dropAfterCommitRate
        self.gatewayErrorRate = gatewayErrorRate
        self.lateCommitRate = lateCommitRate
        self.lateCommitMs = lateCommitMs
        self.rechargeFailRate = rechargeFailRate
        self.badSignRate = badSignRate
        self.seed = seed
    }
}
