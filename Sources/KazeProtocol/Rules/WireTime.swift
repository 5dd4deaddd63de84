// WireTime: the API's `yyyy-MM-dd HH:mm:ss` and `yyyy-MM-dd` texts, both ways — the one
// implementation used by `validate`, the batch engine, the client's requestNo and the sandbox.
// Strict: exactly that shape, ASCII digits, a real Gregorian date and time (no 2025-02-30, no
// 24:00:00), years 0001–9999. The texts carry no zone: they are read and written as UTC ("wall
// seconds"), and callers shift them by a zone or a measured offset.

import Foundation

/// Conversions between the API's date and time texts and seconds or days since 1970-01-01.
public enum WireTime {
    /// `yyyy-MM-dd HH:mm:ss` of `wallSeconds` seconds since 1970-01-01 00:00:00.
    public static func text(wallSeconds: Int) -> String {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        let second = wallSeconds - days * 86_400
        let (year, month, day) = civil(days)
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + " " + padded(second / 3_600, 2) + ":"
            + padded(second / 60 % 60, 2) + ":" + padded(second % 60, 2)
    }

    /// `yyyy-MM-dd HH:mm:ss` of `date` in UTC (fractions of a second dropped).
    public static func text(_ date: Date) -> String { text(wallSeconds: Int(date.timeIntervalSince1970.rounded(.down))) }

    /// The seconds since 1970-01-01 00:00:00 of exactly `yyyy-MM-dd HH:mm:ss`, nil when the text
    /// is not that shape or not a real date and time.
    public static func wallSeconds(_ text: String) -> Int? {
        withBytes(text) { bytes in
            guard bytes.count == 19, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A,
                let days = dayNumber(bytes), let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
                let second = number(bytes, 17, 2), hour < 24, minute < 60, second < 60
            else { return nil }
            return days * 86_400 + hour * 3_600 + minute * 60 + second
        }
    }

    /// The UTC instant of exactly `yyyy-MM-dd HH:mm:ss`, nil when malformed or not real.
    public static func date(_ text: String) -> Date? {
        wallSeconds(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The days since 1970-01-01 of exactly `yyyy-MM-dd`, nil when malformed or not a real date.
    public static func dayNumber(_ text: String) -> Int? {
        withBytes(text) { bytes in bytes.count == 10 ? dayNumber(bytes) : nil }
    }

    /// Midnight UTC of exactly `yyyy-MM-dd`, nil when malformed or not a real date.
    public static func day(_ text: String) -> Date? {
        dayNumber(text).map { Date(timeIntervalSince1970: TimeInterval($0 * 86_400)) }
    }

    /// The days since 1970-01-01 of the UTC date of `date`.
    public static func dayNumber(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    // MARK: Calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days)

    /// The date `yyyy-MM-dd` at the start of `bytes`, as days since 1970-01-01.
    private static func dayNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(bytes, 0, 4),
            let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month and day of `days` since 1970-01-01.
    private static func civil(_ days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The ASCII digits `bytes[start..<start + width]` as a number, nil when one is not a digit.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + width)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
