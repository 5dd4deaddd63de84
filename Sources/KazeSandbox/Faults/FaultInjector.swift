// FaultInjector: draws the faults of each request from the seeded generator, so one seed and
// one request order replay the same run.
//
// Every API request draws exactly eleven fractions, always in this order, whatever the
// settings (so changing one rate does not shift the others):
//   1 latency jitter   2 rate-limit style   3 fail   4 fail style (500 or SYSTEM_ERROR)
//   5 timeout   6 drop-after-commit   7 bad-sign   8 gateway-error-after-commit
//   9 gateway status (502 or 504)   10 late-commit   11 recharge-fail
// (1-7 are the draws of earlier versions, unchanged, so old seeds replay the same faults.)
// They are applied in the order: latency → rate limit → fail → timeout → (the envelope is
// opened) → late commit, or else the operation commits (recharge-fail marks a recharge) →
// drop-after-commit → gateway error → bad sign; the first of rate limit, fail, timeout and
// late commit that fires ends the request, as do drop-after-commit and a gateway error.

import Foundation
import KazeSync

/// Decides, request by request, which faults to inject.
final class FaultInjector: Sendable {
    private let state: Locked<State>

    /// The settings, the generator and the rate limiter's bucket.
    private struct State {
        var options: FaultOptions
        var random: SplitMix64
        var bucket: TokenBucket?
    }

    init(options: FaultOptions) {
        state = Locked(State(options: options, random: SplitMix64(seed: options.seed), bucket: Self.bucket(options.rateLimit)))
    }

    /// Replaces the settings; `reseed` restarts the generator from `new.seed` (the same draws
    /// again), `refill` starts a full bucket at `new.rateLimit`.
    func update(_ new: FaultOptions, reseed: Bool, refill: Bool) {
        state.withLock { state in
            if reseed { state.random = SplitMix64(seed: new.seed) }
            if refill { state.bucket = Self.bucket(new.rateLimit) }
            state.options = new
        }
    }

    /// The faults for the next request arriving at `now`.
    func decide(now: Date) -> FaultDecision {
        state.withLock { state in
            let draws = (0..<11).map { _ in state.random.fraction() }
            let options = state.options
            var decision = FaultDecision()
            decision.latencyMs = options.latencyMs + Int(draws[0] * Double(options.latencyJitterMs + 1))
            if var limiter = state.bucket {
                let allowed = limiter.take(now: now)
                state.bucket = limiter
                if !allowed { decision.rateLimited = Self.answer(options.rateLimitStyle, draws[1]) }
            }
            if draws[2] < options.failRate { decision.failure = draws[3] < 0.5 ? .http : .envelope }
            decision.timeout = draws[4] < options.timeoutRate
            decision.timeoutHangMs = options.timeoutHangMs
            decision.lateCommitMs = options.lateCommitMs
            decision.dropAfterCommit = draws[5] < options.dropAfterCommitRate
            decision.badSign = draws[6] < options.badSignRate
            if draws[7] < options.gatewayErrorRate { decision.gatewayStatus = draws[8] < 0.5 ? 502 : 504 }
            decision.lateCommit = draws[9] < options.lateCommitRate
            decision.rechargeFails = draws[10] < options.rechargeFailRate
            return decision
        }
    }

    private static func answer(_ style: RateLimitStyle, _ draw: Double) -> FaultDecision.Answer {
        switch style {
        case .http429: .http
        case .envelope: .envelope
        case .mixed: draw < 0.5 ? .http : .envelope
        }
    }

    private static func bucket(_ rate: Double?) -> TokenBucket? { rate.map { TokenBucket(rate: $0, burst: max(1, $0)) } }
}
