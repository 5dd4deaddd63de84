// PacingDefaults: how fast calls go out and how long one may take, when the operator says
// nothing. The configuration (KazeClient) and the batch engine's options (KazeBatch) both read
// these, so their defaults cannot drift apart.

/// The default pace of calls to the platform.
public enum PacingDefaults {
    /// Requests per second.
    public static let rate: Double = 5
    /// Requests in flight at most.
    public static let concurrency = 4
    /// Seconds a call may take before its outcome is in doubt.
    public static let timeoutSeconds: Double = 30

    /// The token bucket's size when none is given: the rate rounded up, at least 1.
    public static func burst(rate: Double) -> Int {
        guard rate.isFinite, rate >= 1 else { return 1 }
        return Int(min(rate.rounded(.up), Double(Int32.max)))
    }
}
