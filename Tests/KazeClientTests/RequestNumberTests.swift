// RequestNumberTests: the requestNo format and the Retry-After parser.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeClient

final class RequestNumberTests: XCTestCase {
    func testFormatIsUTCStampPlusEightDigits() throws {
        let date = Date(timeIntervalSince1970: 1_719_570_008)  // 2024-06-28 10:20:08 UTC
        let number = RequestNumber.make(at: date)
        XCTAssertEqual(number.count, 22)
        XCTAssertTrue(number.hasPrefix("20240628102008"), number)
        XCTAssertTrue(number.allSatisfy { ("0"..."9").contains($0) })
        XCTAssertTrue(RequestNumber.isValid(number))
        let many = Set((0..<200).map { _ in RequestNumber.make(at: date) })
        XCTAssertGreaterThan(many.count, 195, "8 random digits per number")
        XCTAssertEqual(RequestNumber.make().count, 22)
    }

    func testValidity() {
        XCTAssertTrue(RequestNumber.isValid("a"))
        XCTAssertTrue(RequestNumber.isValid(String(repeating: "Z9", count: 16)))
        XCTAssertFalse(RequestNumber.isValid(""))
        XCTAssertFalse(RequestNumber.isValid(String(repeating: "1", count: 33)))
        XCTAssertFalse(RequestNumber.isValid("12-34"))
        XCTAssertFalse(RequestNumber.isValid("１２"))
    }

    func testRetryAfter() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        XCTAssertEqual(RetryAfter.seconds("7", now: now), 7)
        XCTAssertEqual(RetryAfter.seconds(" 0 ", now: now), 0)
        XCTAssertEqual(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:50 GMT", now: now), 30)
        XCTAssertEqual(RetryAfter.seconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now), 0)
        XCTAssertNil(RetryAfter.seconds(nil, now: now))
        XCTAssertNil(RetryAfter.seconds("-1", now: now))
        XCTAssertNil(RetryAfter.seconds("soon", now: now))
    }
}
