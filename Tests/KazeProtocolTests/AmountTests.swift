// Tests for Amount: exact user digits, at most two decimals, strictly positive.

import Foundation
import XCTest

@testable import KazeProtocol

final class AmountTests: XCTestCase {
    func testAcceptsPlainPositiveDecimals() throws {
        for text in ["1", "10.5", "10.50", "0.01", "999999999.99"] {
            let amount = try XCTUnwrap(Amount(text), text)
            XCTAssertEqual(amount.text, text)
            XCTAssertEqual(amount.json.compactText, text)
            let parsed = try XCTUnwrap(Decimal(string: text))
            XCTAssertEqual(amount.decimal, parsed, text)
            XCTAssertEqual(amount.decimal.description, parsed.description, "written as Decimal(string:) writes it: \(text)")
        }
        XCTAssertEqual(Amount("10.50")?.decimal, Decimal(string: "10.5"))
        XCTAssertEqual(((Amount("10.50")?.decimal ?? 0) + (Amount("0.5")?.decimal ?? 0)).description, "11")
    }

    func testRejectsEverythingElse() {
        for text in ["", "0", "0.00", "-1", "+1", "1.234", "1.", ".5", "1e2", "1,000", " 1", "1 ", "٣", "abc", "NaN", "010.50", "00.5"] {
            XCTAssertNil(Amount(text), "accepted \(text)")
        }
    }

    func testRechargeBodyCarriesExactDigits() {
        let request = RechargeRequest(cardID: "R000001", currency: "USD", amount: Amount("10.50")!)
        XCTAssertEqual(JSONValue.object(request.body).compactText, #"{"cardID":"R000001","currency":"USD","amount":10.50}"#)
    }
}
