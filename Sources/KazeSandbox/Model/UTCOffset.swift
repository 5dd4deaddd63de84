// UTCOffset: the platform's time zone as a fixed offset from UTC (`+08:00` for Hong Kong), in
// which it writes and reads the `yyyy-MM-dd HH:mm:ss` texts of the API.

import KazeProtocol

/// A fixed UTC offset from −12:00 to +14:00, whole minutes.
public struct UTCOffset: Sendable, Equatable, CustomStringConvertible {
    /// Seconds east of UTC (negative west of it).
    public let seconds: Int

    /// UTC itself.
    public static let utc = UTCOffset(validSeconds: 0)

    private init(validSeconds: Int) { seconds = validSeconds }

    /// Parses `+HH:MM` or `-HH:MM` (sign, two digits, colon, two digits) within −12:00…+14:00;
    /// `nil` for anything else.
    public init?(text: String) {
        guard let parsed = UTCOffsetText.seconds(text) else { return nil }
        seconds = parsed
    }

    /// `+08:00`, `-05:30`, `+00:00`.
    public var description: String { UTCOffsetText.text(seconds) }
}
