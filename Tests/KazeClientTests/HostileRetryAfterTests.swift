// HostileRetryAfterTests: a Retry-After far in the future (`99999999999` seconds, a date in
// 2999, more digits than a Double holds) is honoured only up to five minutes. Unbounded, it
// stalled a batch for ever, and past ~584 years it crashed the sleep (UInt64 overflow).

import Foundation
import XCTest

@testable import KazeClient

final class HostileRetryAfterTests: XCTestCase {
    func testHugeRetryAfterIsCappedAtFiveMinutes() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(RetryAfter.maxSeconds, 300)
        XCTAssertEqual(RetryAfter.seconds("99999999999", now: now), 300)
        XCTAssertEqual(RetryAfter.seconds(String(repeating: "9", count: 400), now: now), 300)
        XCTAssertEqual(RetryAfter.seconds("Fri, 01 Jan 2999 00:00:00 GMT", now: now), 300)
        XCTAssertEqual(RetryAfter.seconds("299", now: now), 299)
    }
}
