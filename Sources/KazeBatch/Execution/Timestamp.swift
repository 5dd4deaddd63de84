// Timestamp: the time texts kazebatch writes — journal/audit times (ISO 8601 UTC with
// milliseconds) and the platform's `yyyy-MM-dd HH:mm:ss` (UTC).

import Foundation

/// Time formatting and parsing.
enum Timestamp {
    private static let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `date` as `2026-01-31T23:59:59.123Z`.
    static func text(_ date: Date = Date()) -> String { iso.format(date) }

    /// Parses a journal time.
    static func date(_ text: String) -> Date? { try? iso.parse(text) }

    /// `date` as the platform's `yyyy-MM-dd HH:mm:ss` in UTC.
    static func wire(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + "-" + two(parts.month) + "-" + two(parts.day) + " "
            + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second)
    }
}
