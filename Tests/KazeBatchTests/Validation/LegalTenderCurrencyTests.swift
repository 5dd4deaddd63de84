// LegalTenderCurrencyTests: a recharge or balance currency must be an ISO 4217 currency that is
// legal tender. Every code of the ISO list is validated in a recharge file and a balance file:
// exactly the 22 metal, fund, testing and accounting codes (listed here by hand, not taken from
// the product) are refused with `currency`, every other code passes.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeBatch

final class LegalTenderCurrencyTests: XCTestCase {
    /// Issue 14, item 6, word for word.
    private static let excluded: Set<String> = [
        "XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
    ]

    private func refusedCodes(_ operation: APIOperation, header: String, row: (String) -> String) throws -> [String: String] {
        let codes = ISOCurrencyCodes.list.split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertEqual(codes.count, 183)
        let text = header + "\n" + codes.map(row).joined(separator: "\n") + "\n"
        let file = try ValidationTestFiles.write(text, named: "\(operation.batchName).csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(operation, file)
        XCTAssertEqual(outcomes.count, codes.count)
        var refused: [String: String] = [:]
        for (code, outcome) in zip(codes, outcomes) {
            for issue in outcome.issues {
                XCTAssertEqual(issue.field, "currency", "\(code): \(issue.message)")
                XCTAssertEqual(issue.code, "currency", code)
                refused[code] = issue.message
            }
        }
        return refused
    }

    func testRechargeRefusesExactlyTheCodesThatAreNotLegalTender() throws {
        let refused = try refusedCodes(.recharge, header: "cardID,currency,amount,ref") { "SB000001,\($0),10.00,r-\($0)" }
        XCTAssertEqual(Set(refused.keys), Self.excluded)
        XCTAssertEqual(
            refused["XAU"],
            "currency 'XAU' is an ISO 4217 code but not a currency a card can hold"
                + " (a metal, fund, testing or accounting unit)")
    }

    func testBalanceRefusesExactlyTheCodesThatAreNotLegalTender() throws {
        let refused = try refusedCodes(.balance, header: "cardID,currency,ref") { "SB000001,\($0),b-\($0)" }
        XCTAssertEqual(Set(refused.keys), Self.excluded)
        XCTAssertTrue(refused["UYW"]?.contains("not a currency a card can hold") == true, refused["UYW"] ?? "accepted")
    }
}
