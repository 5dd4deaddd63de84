// RateLimitStyle: how a request over `--rate-limit` is answered.

/// The answer to a request beyond the rate limit.
public enum RateLimitStyle: String, Sendable, Equatable, CaseIterable {
    /// HTTP 429 with `Retry-After: 1`, no envelope.
    case http429 = "429"
    /// HTTP 200 with an envelope whose head.code is RATE_LIMITED.
    case envelope
    /// Either, half each, chosen by the seeded generator.
    case mixed
}
