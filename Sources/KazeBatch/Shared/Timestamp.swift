// Timestamp: the time texts kazebatch writes — journal/audit times (ISO 8601 UTC with
// milliseconds) and the platform's wall-clock `yyyy-MM-dd HH:mm:ss`, which carries no zone:
// kazebatch handles it as "wall seconds" (the text read as if it were UTC), and maps local
// instants to it through a measured `PlatformOffset`.

import Foundation

/// Time formatting and parsing.
enum Timestamp {
    private static let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `date` as `2026-01-31T23:59:59.123Z`.
    static func text(_ date: Date = Date()) -> String { iso.format(date) }

    /// `date` as `20260131T235959Z` (a file name's stamp).
    static func compact(_ date: Date) -> String {
        String(text(date).prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    /// Parses a journal time.
    static func date(_ text: String) -> Date? { try? iso.parse(text) }

    /// `date` as the platform's `yyyy-MM-dd HH:mm:ss` in UTC.
    static func wire(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + "-" + two(parts.month) + "-" + two(parts.day) + " "
            + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second)
    }

    /// Wall seconds as the platform's `yyyy-MM-dd HH:mm:ss`.
    static func wire(wallSeconds: Int) -> String { wire(Date(timeIntervalSince1970: Double(wallSeconds))) }

    /// The wall seconds of a platform time `yyyy-MM-dd HH:mm:ss` (read as if UTC), nil when
    /// `text` is not exactly that shape or not a real date and time.
    static func wallSeconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day  // no 31 February
        else { return nil }
        return Int(date.timeIntervalSince1970)
    }
}
