// PlatformDetailMaskingTests: a platform error detail that echoes a full card number is
// masked before it reaches the journal, results or stderr; other numbers are left alone.

import KazeClient
import KazeProtocol
import XCTest

@testable import KazeBatch

final class PlatformDetailMaskingTests: XCTestCase {
    func testLuhnValidCardNumbersInFreeTextAreMasked() {
        XCTAssertEqual(
            Masking.cardNumbers(inText: "cardNumber 5399990000000018 is already assigned"),
            "cardNumber 539999******0018 is already assigned")
        XCTAssertEqual(Masking.cardNumbers(inText: "5399990000000018,4111111111111111."), "539999******0018,411111******1111.")
    }

    func testOtherNumbersAreLeftAlone() {
        let requestNo = "requestNo 2026112513161837996449 rejected"  // 22 digits: not a card number
        XCTAssertEqual(Masking.cardNumbers(inText: requestNo), requestNo)
        let notLuhn = "transaction 5399990000000019 pending"
        XCTAssertEqual(Masking.cardNumbers(inText: notLuhn), notLuhn)
        XCTAssertEqual(Masking.cardNumbers(inText: "amount 12.50 on SB000001"), "amount 12.50 on SB000001")
    }

    func testPlatformErrorDetailIsMaskedInTheVerdict() {
        let outcome = CallResult.platformError(
            code: PlatformCode(rawValue: "STATE_ERROR"),
            detail: "card 5399990000000018 belongs to another user", retryAfter: nil)
        XCTAssertEqual(
            CallVerdict(outcome, operation: .assign),
            .failed(code: "STATE_ERROR", detail: "card 539999******0018 belongs to another user"))
    }
}
