// ExecutionOptions: the knobs of one run (rates, retries, what to resend, when to halt).

import KazeProtocol

/// How a run executes.
public struct ExecutionOptions: Sendable {
    /// Requests per second (`--rate`).
    public var rate: Double = PacingDefaults.rate
    /// Token bucket size (`--burst`, default = rate).
    public var burst: Int = PacingDefaults.burst(rate: PacingDefaults.rate)
    /// Requests in flight at most (`--concurrency`).
    public var concurrency: Int = PacingDefaults.concurrency
    /// Attempts per row per run (`--max-attempts`).
    public var maxAttempts: Int = 5
    /// Send rows whose journaled outcome is FAILED again (`--retry-failed`).
    public var retryFailed = false
    /// Send rows whose outcome stays UNKNOWN after reconciliation again (`--resend-unknown`).
    public var resendUnknown = false
    /// Stop sending new rows after this many FAILED rows (`--max-failures`).
    public var maxFailures: Int?
    /// The circuit breaker's window: trip when at least `breakerRatio` of the last
    /// `breakerWindow` finished rows FAILED.
    public var breakerWindow = 20
    /// The failed fraction that trips the breaker.
    public var breakerRatio = 0.5
    /// Reconciliation: how much wider than the measured platform-time window the search is,
    /// each side, in seconds (at least 10 minutes by default).
    public var reconcileMarginSeconds: Double = 600
    /// Reconciliation: how long after the last send a request may still commit at the
    /// platform (a late commit); "nothing found" decides NOT_COMMITTED only after this, else
    /// the row stays UNKNOWN (`--settle-seconds`).
    public var settleSeconds: Double = 900
    /// The platform's UTC offset in seconds when the operator set `platformUtcOffset`; nil
    /// (`auto`) measures it from the batch's own confirmed recharges.
    public var platformUtcOffset: Int?
    /// Rows read ahead of the senders while they wait for an earlier row of the same subject
    /// (card, email): the bound on memory when a file repeats one card many times.
    public var maxWaitingRows = 1024
    /// Backoff: the first retry's cap, in seconds.
    public var retryBaseDelay: Double = 0.25
    /// The largest backoff cap, in seconds.
    public var retryMaxDelay: Double = 20
    /// KYC images are checked again right before a row is sent, against this limit in bytes
    /// (validation's own default, 5 MiB); a larger file is never read whole.
    public var maxImageBytes = ValidationOptions().maxImageBytes
    /// Seed for retry jitter (`nil`: random).
    public var seed: UInt64?

    /// The defaults (`PacingDefaults` for the pace).
    public init() {}

    /// The defaults, with the pace the configuration sets: its rate, burst, concurrency and
    /// platform UTC offset; a settle time of at least twice its call timeout (a request that
    /// may still be on its way cannot be declared not done).
    public init(rate: Double, burst: Int, concurrency: Int, platformUtcOffset: Int?, callTimeoutSeconds: Double) {
        self.rate = rate
        self.burst = burst
        self.concurrency = concurrency
        self.platformUtcOffset = platformUtcOffset
        settleSeconds = max(settleSeconds, 2 * callTimeoutSeconds)
    }
}
