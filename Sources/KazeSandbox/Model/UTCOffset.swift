// UTCOffset: the platform's time zone as a fixed offset from UTC (`+08:00` for Hong Kong), in
// which it writes and reads the `yyyy-MM-dd HH:mm:ss` texts of the API.

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
        let characters = Array(text)
        guard characters.count == 6, characters[0] == "+" || characters[0] == "-", characters[3] == ":",
              [1, 2, 4, 5].allSatisfy({ characters[$0].isASCIIDigitChar }),
              let hours = Int(String(characters[1...2])), let minutes = Int(String(characters[4...5])), minutes < 60
        else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        let signed = characters[0] == "-" ? -magnitude : magnitude
        guard (-12 * 3600...14 * 3600).contains(signed) else { return nil }
        seconds = signed
    }

    /// `+08:00`, `-05:30`, `+00:00`.
    public var description: String {
        let magnitude = abs(seconds)
        return (seconds < 0 ? "-" : "+") + SandboxState.padded(magnitude / 3600, 2) + ":"
            + SandboxState.padded(magnitude % 3600 / 60, 2)
    }
}
