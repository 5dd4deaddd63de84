// SandboxModelTests: the small value types — cents, wire times, deterministic card numbers.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeSandbox

final class SandboxModelTests: XCTestCase {
    func testCentsReadAndWriteExactText() {
        XCTAssertEqual(Cents(text: "10.5")?.text, "10.50")
        XCTAssertEqual(Cents(text: "0.07")?.value, 7)
        XCTAssertEqual(Cents(text: "123456789012345.99")?.text, "123456789012345.99")
        for bad in ["", ".5", "1.", "1.234", "-1", "1e3", " 1", "1,00", "١"] { XCTAssertNil(Cents(text: bad), bad) }
        XCTAssertEqual(Cents(decimal: Decimal(string: "1000000.5") ?? 0)?.text, "1000000.50")
        XCTAssertNil(Cents(decimal: Decimal(string: "0.001") ?? 0))
        XCTAssertNil(Cents(decimal: -1))
    }

    func testWireTimesRoundTripAndRejectImpossibleDates() throws {
        let date = try XCTUnwrap(WireTime.date("2024-02-29 23:59:58"))
        XCTAssertEqual(WireTime.text(date), "2024-02-29 23:59:58")
        for bad in [
            "2023-02-29 00:00:00", "2024-13-01 00:00:00", "2024-01-01 24:00:00", "2024-1-01 00:00:00",
            "2024-01-01", "2024-01-01  00:00:00",
        ] {
            XCTAssertNil(WireTime.date(bad), bad)
        }
        XCTAssertNotNil(WireTime.day("2000-02-29"))
        XCTAssertNil(WireTime.day("1900-02-29"))
    }

    func testCardNumbersAreLuhnValidAndParseBack() throws {
        XCTAssertEqual(CardNumbers.number(.inventory, 1), "5399990000000018")
        XCTAssertEqual(CardNumbers.number(.preset, 1), "5399980000000019")
        for index in [1, 2, 99, 100, 123_456_789] {
            let number = CardNumbers.number(.inventory, index)
            XCTAssertEqual(number.count, 16)
            let parsed = try XCTUnwrap(CardNumbers.parse(number))
            XCTAssertEqual(parsed.0, .inventory)
            XCTAssertEqual(parsed.1, index)
        }
        XCTAssertNil(CardNumbers.parse("5399990000000017"))
        XCTAssertNil(CardNumbers.parse("4111111111111111"))
        XCTAssertEqual(Masking.cardNumber("5399990000000018"), "539999******0018")
        XCTAssertEqual(CardNumbers.activationCode("5399990000000018"), "000018")
    }
}
