// Tests for the token-bucket rate limiter and the retry backoff.

import XCTest

@testable import KazeBatch

final class RateLimiterTests: XCTestCase {
    func testSequentialAcquiresAreSpacedByTheRate() async {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 10, burst: 1, clock: clock)
        for _ in 0..<50 { await limiter.acquire() }
        XCTAssertEqual(clock.now(), 4.9, accuracy: 0.001)  // first is free, then 49 × 0.1 s
    }

    func testBurstGoesAtOnceThenPaces() async {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 4, burst: 5, clock: clock)
        for _ in 0..<5 { await limiter.acquire() }
        XCTAssertEqual(clock.now(), 0, accuracy: 0.0001)
        await limiter.acquire()
        XCTAssertEqual(clock.now(), 0.25, accuracy: 0.0001)
    }

    func testPenaltyHonoursRetryAfterAndHalvesThePace() async {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 10, burst: 1, clock: clock)
        await limiter.acquire()
        await limiter.penalize(retryAfter: 3)
        let penalized = await limiter.currentRate
        XCTAssertEqual(penalized, 5)
        await limiter.acquire()
        XCTAssertGreaterThanOrEqual(clock.now(), 3)
        for _ in 0..<40 { await limiter.reward() }
        let recovered = await limiter.currentRate
        XCTAssertEqual(recovered, 10)
    }

    func testPenaltiesNeverStopTheLimiterEntirely() async {
        let limiter = RateLimiter(rate: 8, burst: 1, clock: ManualClock())
        for _ in 0..<20 { await limiter.penalize(retryAfter: nil) }
        let floor = await limiter.currentRate
        XCTAssertEqual(floor, 1)
    }

    func testBackoffIsFullJitterWithinTheDoublingCap() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 6, random: RandomSource(seed: 7))
        var seen: [Double] = []
        for attempt in 1...4 {
            for _ in 0..<200 {
                let delay = policy.delay(after: attempt, retryAfter: nil)
                XCTAssertGreaterThanOrEqual(delay, 0)
                XCTAssertLessThanOrEqual(delay, min(6, Double(1 << (attempt - 1))))
                seen.append(delay)
            }
        }
        XCTAssertGreaterThan(Set(seen).count, 700, "jitter must spread the delays")
        XCTAssertGreaterThanOrEqual(policy.delay(after: 1, retryAfter: 4), 4, "Retry-After is a floor")
        XCTAssertTrue(policy.allowsRetry(after: 4))
        XCTAssertFalse(policy.allowsRetry(after: 5))
    }

    func testSeededJitterRepeats() {
        let first = RetryPolicy(maxAttempts: 3, random: RandomSource(seed: 42))
        let second = RetryPolicy(maxAttempts: 3, random: RandomSource(seed: 42))
        let a = (1...10).map { first.delay(after: $0, retryAfter: nil) }
        let b = (1...10).map { second.delay(after: $0, retryAfter: nil) }
        XCTAssertEqual(a, b)
    }
}
