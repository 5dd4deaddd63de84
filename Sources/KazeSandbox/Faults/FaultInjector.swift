// FaultInjector: draws the faults of each request from the seeded generator, in a fixed
// order (seven draws per request), so one seed and one request order replay the same run.

import Foundation

/// Decides, request by request, which faults to inject.
final class FaultInjector: @unchecked Sendable {
    private let options: FaultOptions
    private let lock = NSLock()
    private var random: SplitMix64
    private var bucket: TokenBucket?

    init(options: FaultOptions) {
        self.options = options
        random = SplitMix64(seed: options.seed)
        bucket = options.rateLimit.map { TokenBucket(rate: $0, burst: max(1, $0)) }
    }

    /// The faults for the next request arriving at `now`.
    func decide(now: Date) -> FaultDecision {
        lock.withLock {
            let jitter = random.fraction(), limitStyle = random.fraction(), fail = random.fraction()
            let failStyle = random.fraction(), timeout = random.fraction(), drop = random.fraction()
            let badSign = random.fraction()
            var decision = FaultDecision()
            decision.latencyMs = options.latencyMs + Int(jitter * Double(options.latencyJitterMs + 1))
            if var limiter = bucket {
                let allowed = limiter.take(now: now)
                bucket = limiter
                if !allowed { decision.rateLimited = limitStyle < 0.5 ? .http : .envelope }
            }
            if fail < options.failRate { decision.failure = failStyle < 0.5 ? .http : .envelope }
            decision.timeout = timeout < options.timeoutRate
            decision.dropAfterCommit = drop < options.dropAfterCommitRate
            decision.badSign = badSign < options.badSignRate
            return decision
        }
    }
}
