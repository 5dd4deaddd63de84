// CalendarDate: a strict `yyyy-MM-dd` date that exists on the Gregorian calendar (no 2023-02-30),
// compared as its day number. Parsing is KazeProtocol's WireTime, the one the sandbox uses too.

import Foundation
import KazeProtocol

/// A real calendar date, comparable as its number of days since 1970-01-01.
struct CalendarDate: Comparable, Sendable {
    /// Days since 1970-01-01.
    let dayNumber: Int

    /// Parses exactly `yyyy-MM-dd` (year 0001–9999); `nil` when malformed or not a real date.
    init?(_ text: String) {
        guard let dayNumber = WireTime.dayNumber(text) else { return nil }
        self.dayNumber = dayNumber
    }

    /// The UTC calendar date of `instant`.
    init(utc instant: Date) { dayNumber = WireTime.dayNumber(of: instant) }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
