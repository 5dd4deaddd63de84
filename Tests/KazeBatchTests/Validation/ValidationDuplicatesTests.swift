// Tests for duplicate detection: the compact index against a plain Set, first-line reporting,
// and what counts as "the same" record for recharge, kyc and assign.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ValidationDuplicatesTests: XCTestCase {
    func testIndexRemembersFirstLinesAcrossGrowth() {
        let index = DuplicateIndex()
        var generator = SystemRandomNumberGenerator()
        var reference: [Fingerprint: Int] = [:]
        var seen: [Fingerprint] = []
        for line in 1...200_000 {
            let fingerprint =
                line % 10 == 0 && line > 10
                ? seen[Int.random(in: 0..<seen.count, using: &generator)]
                : Fingerprint(high: generator.next(), low: generator.next())
            let first = index.firstLine(of: fingerprint, recordingLine: line)
            XCTAssertEqual(first, reference[fingerprint], "line \(line)")
            if reference[fingerprint] == nil {
                reference[fingerprint] = line
                seen.append(fingerprint)
            }
        }
        XCTAssertEqual(index.count, reference.count)
    }

    func testFingerprintsSeparateFieldBoundariesAndLengths() {
        func fingerprint(_ parts: [String]) -> Fingerprint {
            var hasher = FingerprintHasher()
            parts.forEach { hasher.add($0) }
            return hasher.finish()
        }
        let samples: [[String]] = [
            ["ab", "c"], ["a", "bc"], ["abc"], ["abc", ""], ["", "abc"], ["abcdefgh"], ["abcdefgh", ""],
            ["abcdefghi"], ["abcdefg"], [""], [],
        ]
        XCTAssertEqual(Set(samples.map(fingerprint)).count, samples.count)
        XCTAssertEqual(fingerprint(["same key"]), fingerprint(["same key"]))
    }

    func testRechargeDuplicatesCompareAmountsByValueAndDefaultTheCurrency() throws {
        let url = try ValidationTestFiles.write(
            """
            cardID,currency,amount
            SB1,,10.5
            SB1,USD,10.50
            SB1,EUR,10.50
            SB2,USD,10.50
            SB1,USD,10.51
            sb1,USD,10.50
            """, named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["3  duplicate"])
        XCTAssertEqual(
            outcomes[1].issues.first?.message,
            "same cardID, amount and currency as the record on line 2 (use --allow-duplicates if intended)")
    }

    func testInvalidRecordsDoNotCountAsFirstOccurrences() throws {
        let url = try ValidationTestFiles.write("cardID,amount\nSB1,-1\nSB1,5\nSB1,5.00\n", named: "r.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, url)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["2 amount amount", "4  duplicate"])
        XCTAssertTrue(outcomes[2].issues.first?.message.contains("line 3") == true)
    }

    func testOperationsWithoutADuplicateRuleAcceptRepeats() throws {
        let url = try ValidationTestFiles.write("cardID\nSB1\nSB1\n", named: "c.csv", for: self)
        XCTAssertEqual(ValidationTestFiles.issueKeys(try ValidationTestFiles.outcomes(.card, url)), [])
    }
}
