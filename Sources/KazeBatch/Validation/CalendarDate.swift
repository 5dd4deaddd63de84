// CalendarDate: strict `yyyy-MM-dd` dates and `yyyy-MM-dd HH:mm:ss` date-times that must exist on
// the Gregorian calendar (no 2023-02-30, no 24:00:00), compared as plain numbers.

import Foundation

/// A real calendar date, comparable as its `yyyyMMdd` number.
struct CalendarDate: Comparable, Sendable {
    /// `year * 10000 + month * 100 + day`.
    let ordinal: Int

    /// Parses exactly `yyyy-MM-dd` (year 0001–9999); `nil` when malformed or not a real date.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, let parts = Self.fields(bytes, layout: [4, 2, 2], separators: [0x2D, 0x2D]) else {
            return nil
        }
        guard let ordinal = Self.ordinal(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        self.ordinal = ordinal
    }

    /// The UTC calendar date of `instant`.
    init(utc instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        ordinal = (parts.year ?? 1970) * 10000 + (parts.month ?? 1) * 100 + (parts.day ?? 1)
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `yyyyMMddHHmmss` for exactly `yyyy-MM-dd HH:mm:ss`, or `nil` when malformed or not real.
    static func dateTimeOrdinal(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19,
              let parts = fields(bytes, layout: [4, 2, 2, 2, 2, 2], separators: [0x2D, 0x2D, 0x20, 0x3A, 0x3A]),
              let day = ordinal(year: parts[0], month: parts[1], day: parts[2]),
              parts[3] < 24, parts[4] < 60, parts[5] < 60
        else { return nil }
        return day * 1_000_000 + parts[3] * 10000 + parts[4] * 100 + parts[5]
    }

    /// Splits fixed-width digit groups separated by the given bytes.
    private static func fields(_ bytes: [UInt8], layout: [Int], separators: [UInt8]) -> [Int]? {
        var values: [Int] = []
        var index = 0
        for (group, width) in layout.enumerated() {
            if group > 0 {
                guard bytes[index] == separators[group - 1] else { return nil }
                index += 1
            }
            var value = 0
            for _ in 0..<width {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            values.append(value)
        }
        return values
    }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return year * 10000 + month * 100 + day
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
