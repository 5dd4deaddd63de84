// PlatformOffset: how far the platform's wall clock (`yyyy-MM-dd HH:mm:ss`, its clock in its
// zone) is from this machine's UTC clock, as a closed interval in seconds, with what it was
// learned from. Reconciliation windows are built from it, never from the local clock alone.

/// Platform wall time minus local UTC time, in seconds: `low...high`.
public struct PlatformOffset: Sendable, Equatable {
    /// The widest span a zone can add: UTC−12:00 … UTC+14:00.
    public static let zoneRange: ClosedRange<Double> = -12 * 3600...14 * 3600
    /// With nothing measured: every zone, and up to two hours of clock error either side.
    public static let unknown = PlatformOffset(low: -26 * 3600, high: 26 * 3600, source: "nothing measured: every zone (±26 h)")

    /// The smallest offset consistent with what is known.
    public var low: Double
    /// The largest offset consistent with what is known.
    public var high: Double
    /// Where the interval comes from, for the operator.
    public var source: String

    /// An interval; `low` ≤ `high`.
    public init(low: Double, high: Double, source: String) {
        self.low = min(low, high)
        self.high = max(low, high)
        self.source = source
    }

    /// The smallest interval holding both.
    func union(_ other: PlatformOffset) -> PlatformOffset {
        PlatformOffset(low: min(low, other.low), high: max(high, other.high), source: "\(source); \(other.source)")
    }

    /// The interval as the operator reads it, e.g. `+08:00:02 … +08:00:03`.
    public var text: String {
        let (from, to) = (Self.format(low), Self.format(high))
        return from == to ? from : "\(from) … \(to)"
    }

    /// `seconds` as `±HH:MM:SS`.
    static func format(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let magnitude = abs(total)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (total < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude / 60 % 60) + ":" + two(magnitude % 60)
    }
}
