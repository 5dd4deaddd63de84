// WireTime: the `yyyy-MM-dd HH:mm:ss` (UTC) and `yyyy-MM-dd` texts of the API, both ways,
// with real-calendar checks (no 2025-02-30).

import Foundation

/// Conversions between `Date` and the API's date and time texts, in UTC.
enum WireTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `yyyy-MM-dd HH:mm:ss` in UTC.
    static func dateTimeText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return pad(parts.year, 4) + "-" + pad(parts.month, 2) + "-" + pad(parts.day, 2) + " "
            + pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2)
    }

    /// Parses `yyyy-MM-dd HH:mm:ss` (UTC); `nil` unless it is a real moment in that exact shape.
    static func parseDateTime(_ text: String) -> Date? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = dayParts(halves[0]) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigitChar) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              hour < 24, minute < 60, second < 60
        else { return nil }
        return date(year: day.0, month: day.1, day: day.2, hour: hour, minute: minute, second: second)
    }

    /// Parses `yyyy-MM-dd` as midnight UTC; `nil` unless it is a real calendar day.
    static func parseDay(_ text: String) -> Date? {
        guard let day = dayParts(Substring(text)) else { return nil }
        return date(year: day.0, month: day.1, day: day.2, hour: 0, minute: 0, second: 0)
    }

    private static func dayParts(_ text: Substring) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitChar) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        let wanted = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard (1...12).contains(month), (1...31).contains(day), let date = calendar.date(from: wanted) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    private static func pad(_ number: Int?, _ width: Int) -> String {
        let text = String(number ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Character {
    /// True for the ASCII digits 0–9 only.
    var isASCIIDigitChar: Bool { ("0"..."9").contains(self) && isASCII }
}
