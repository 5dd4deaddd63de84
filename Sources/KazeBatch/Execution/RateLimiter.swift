// RateLimiter: a token bucket (as GCRA: one reservation per request) that paces sends to
// `rate` per second with bursts of `burst`, and slows down when the platform says so.

/// Paces requests: at most `burst` at once, `rate` per second on average. A rate-limited
/// answer pauses the bucket (honouring Retry-After) and halves the pace; successes win it
/// back step by step (additive increase, multiplicative decrease).
public actor RateLimiter {
    /// The configured requests per second.
    public let rate: Double
    /// The configured bucket size.
    public let burst: Int
    /// The pace in force now (≤ `rate`), lowered by `penalize` and raised by `reward`.
    public private(set) var currentRate: Double
    private let clock: any PacingClock
    private var theoreticalArrival: Double
    private var pausedUntil: Double = 0

    /// - Parameters:
    ///   - rate: requests per second, > 0.
    ///   - burst: how many requests may go at once after an idle period, ≥ 1.
    ///   - clock: the time source (a fake one in tests).
    public init(rate: Double, burst: Int, clock: any PacingClock = SystemPacingClock()) {
        self.rate = max(rate, 0.001)
        self.burst = max(burst, 1)
        self.currentRate = self.rate
        self.clock = clock
        self.theoreticalArrival = clock.now()
    }

    /// Waits until this request may be sent. Reservations are made in call order, so
    /// concurrent callers are spaced `1/rate` apart.
    public func acquire() async {
        let now = clock.now()
        let interval = 1 / currentRate
        let tolerance = Double(burst - 1) * interval
        theoreticalArrival = max(theoreticalArrival, now, pausedUntil)
        let allowedAt = max(theoreticalArrival - tolerance, pausedUntil)
        theoreticalArrival += interval
        if allowedAt > now { await clock.sleep(seconds: allowedAt - now) }
        // A pause ordered while this caller slept still applies to it.
        while pausedUntil > clock.now() && !Task.isCancelled { await clock.sleep(seconds: pausedUntil - clock.now()) }
    }

    /// The platform said "too many requests": stop sending for `retryAfter` seconds (or one
    /// interval when it gave none) and halve the pace, down to an eighth of `rate`.
    public func penalize(retryAfter: Double?) {
        currentRate = max(currentRate / 2, rate / 8)
        let pause = retryAfter ?? (1 / currentRate)
        pausedUntil = max(pausedUntil, clock.now() + pause)
    }

    /// A request went through: win back a twentieth of the configured pace.
    public func reward() {
        guard currentRate < rate else { return }
        currentRate = min(rate, currentRate + rate / 20)
    }
}
