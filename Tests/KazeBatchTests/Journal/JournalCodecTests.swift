// JournalCodecTests: the journal is written and read by one codec. Every entry kind, with every
// member set (awkward text included) or absent, comes back exactly as it went in; lines that
// older versions wrote with JSONEncoder still read; a line missing a required member, or with
// a member of the wrong type, is not an entry.

import XCTest

@testable import KazeBatch

final class JournalCodecTests: XCTestCase {
    private static let awkward = "a \"quoted\" \\ back/slash, é, 漢字, tab\t, line\nbreak, \u{1B}[31m, \u{0}"

    private static func full(_ state: JournalState) -> JournalEntry {
        var entry = JournalEntry(line: 42, state: state, time: "2026-12-03T08:34:43.950Z", attempt: 3, requestNo: "2026120308344395046311")
        (entry.code, entry.detail) = ("SYSTEM_ERROR", awkward)
        (entry.cardID, entry.amount, entry.currency) = ("SB000001", "10.50", "USD")
        (entry.email, entry.target, entry.ref) = ("ann@example.com", "INACTIVE", awkward)
        entry.maskedCardNumber = "539999******0017"
        entry.fields = ["transactionId": "SBT1", "status": "PENDING", "note": awkward]
        entry.requestNoInDoubt = true
        return entry
    }

    func testEveryEntryKindRoundTripsWithEveryMemberSet() {
        for state in JournalState.allCases {
            let entry = Self.full(state)
            XCTAssertEqual(JournalEntry(jsonLine: entry.jsonLine), entry, "\(state)")
        }
    }

    func testEveryEntryKindRoundTripsWithOnlyTheRequiredMembers() {
        for state in JournalState.allCases {
            let entry = JournalEntry(line: 2, state: state, time: "2026-12-03T08:34:43.950Z", attempt: 0)
            let line = String(decoding: entry.jsonLine, as: UTF8.self)
            XCTAssertEqual(line, #"{"attempt":0,"line":2,"state":"\#(state.rawValue)","time":"2026-12-03T08:34:43.950Z"}"#)
            XCTAssertEqual(JournalEntry(jsonLine: entry.jsonLine), entry)
        }
    }

    func testALineIsOneLineWithItsMembersInNameOrder() {
        let line = String(decoding: Self.full(.succeeded).jsonLine, as: UTF8.self)
        XCTAssertFalse(line.contains("\n"), "a value's line break is escaped")
        let names = [
            "amount", "attempt", "cardID", "code", "currency", "detail", "email", "fields", "line",
            "maskedCardNumber", "ref", "requestNo", "requestNoInDoubt", "state", "target", "time",
        ]
        let positions = names.map { line.range(of: "\"\($0)\":")?.lowerBound }
        XCTAssertFalse(positions.contains(nil), line)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
    }

    /// A line as kazebatch wrote it with JSONEncoder (sorted keys, slashes unescaped).
    func testALineAnOlderVersionWroteReadsTheSame() {
        let old =
            #"{"amount":"10.50","attempt":1,"cardID":"SB000001","currency":"USD","fields":{"transactionId":"SBT1"},"line":2,"ref":"r\/1 é","requestNo":"R1","requestNoInDoubt":false,"state":"SUCCEEDED","time":"2026-12-03T08:34:43.950Z"}"#
        var expected = JournalEntry(line: 2, state: .succeeded, time: "2026-12-03T08:34:43.950Z", attempt: 1, requestNo: "R1")
        (expected.amount, expected.cardID, expected.currency, expected.ref) = ("10.50", "SB000001", "USD", "r/1 é")
        expected.fields = ["transactionId": "SBT1"]
        expected.requestNoInDoubt = false
        XCTAssertEqual(JournalEntry(jsonLine: Array(old.utf8)), expected)
    }

    func testALineMissingARequiredMemberOrWithAWrongTypeIsNoEntry() {
        let bad = [
            #"{"attempt":0,"state":"PENDING","time":"t"}"#,
            #"{"attempt":0,"line":"2","state":"PENDING","time":"t"}"#,
            #"{"attempt":0,"line":2,"state":"DONE","time":"t"}"#,
            #"{"attempt":0,"line":2,"state":"PENDING","time":"t","code":5}"#,
            #"{"attempt":0,"line":2,"state":"PENDING","time":"t","fields":{"a":1}}"#,
            #"{"attempt":0,"line":2,"state":"PENDING","time":"t","requestNoInDoubt":"yes"}"#,
            #"[1]"#,
        ]
        for line in bad { XCTAssertNil(JournalEntry(jsonLine: Array(line.utf8)), line) }
    }
}
