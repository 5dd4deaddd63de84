// WireTimeTests: the one `yyyy-MM-dd HH:mm:ss` implementation agrees with Foundation's Gregorian
// calendar on 2,000 instants spread from 1583 to 9999 (before the 1582 reform Foundation switches
// to the Julian calendar; WireTime stays proleptic Gregorian, as ISO 8601 and Python do),
// round-trips, and refuses what is not a real date and time in exactly that shape.

import Foundation
import KazeProtocol
import XCTest

final class WireTimeTests: XCTestCase {
    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    func testTextAgreesWithTheGregorianCalendarAndRoundTrips() throws {
        let first = try XCTUnwrap(calendar.date(from: DateComponents(year: 1583, month: 1, day: 1)))
        let last = try XCTUnwrap(calendar.date(from: DateComponents(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)))
        let range = Int(first.timeIntervalSince1970)...Int(last.timeIntervalSince1970)
        for seconds in [range.lowerBound, range.upperBound, 0, -1, 951_782_400]
            + (0..<2_000).map { range.lowerBound + Int(UInt64($0) &* 0x9E37_79B9_7F4A_7C15 % UInt64(range.count)) }
        {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second],
                from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let expected = String(
                format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            XCTAssertEqual(WireTime.text(wallSeconds: seconds), expected, "\(seconds)")
            XCTAssertEqual(WireTime.wallSeconds(expected), seconds, expected)
            XCTAssertEqual(
                WireTime.dayNumber(String(expected.prefix(10))), WireTime.dayNumber(of: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    func testOnlyRealDatesAndTimesInTheExactShapeAreRead() {
        XCTAssertEqual(WireTime.wallSeconds("1970-01-01 00:00:10"), 10)
        XCTAssertEqual(WireTime.wallSeconds("0001-01-01 00:00:00"), -62_135_596_800)  // Python's datetime(1, 1, 1)
        XCTAssertEqual(WireTime.text(wallSeconds: -62_135_596_800), "0001-01-01 00:00:00")
        XCTAssertEqual(WireTime.day("2000-02-29")?.timeIntervalSince1970, 951_782_400)
        for bad in [
            "2023-02-29 00:00:00", "1900-02-29 00:00:00", "2024-04-31 00:00:00", "2024-01-01 24:00:00",
            "2024-01-01 23:60:00", "2024-01-01 23:59:60", "2024-01-01T00:00:00", "2024-1-01 00:00:00",
            "0000-01-01 00:00:00", "2024-01-01 00:00:00 ", "２０２４-01-01 00:00:00", "2024-01-01",
        ] {
            XCTAssertNil(WireTime.wallSeconds(bad), bad)
        }
        for bad in ["2023-02-29", "2023-13-01", "2023-00-10", "2023/01/01", "20230101", "0000-01-01", "2023-01-01 "] {
            XCTAssertNil(WireTime.dayNumber(bad), bad)
        }
    }
}
