// UTCOffsetText: a zone as `±HH:MM` (−12:00 … +14:00, the zones in use), as the platform's
// wall-clock times need one and as the operator writes it.

/// Parsing of `±HH:MM` UTC offsets.
public enum UTCOffsetText {
    /// The offsets in use: UTC−12:00 … UTC+14:00, in seconds.
    public static let range = -12 * 3600...14 * 3600

    /// The offset in seconds of `text` (`+08:00`, `-05:30`, `+00:00`); nil when it is not a
    /// sign, two-digit hours, a colon and two-digit minutes below 60, within `range`.
    public static func seconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == 0x2B || bytes[0] == 0x2D, bytes[3] == 0x3A,
            [1, 2, 4, 5].allSatisfy({ (0x30...0x39).contains(bytes[$0]) })
        else { return nil }
        let hours = Int(bytes[1] - 0x30) * 10 + Int(bytes[2] - 0x30)
        let minutes = Int(bytes[4] - 0x30) * 10 + Int(bytes[5] - 0x30)
        guard minutes < 60 else { return nil }
        let value = (bytes[0] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
        return range.contains(value) ? value : nil
    }

    /// `seconds` (whole minutes) as `±HH:MM`: `+08:00`, `-05:30`, `+00:00`.
    public static func text(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (seconds < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude % 3600 / 60)
    }
}
