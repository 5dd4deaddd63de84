// JournalLineScannerTests: the fast path of reading a journal line gives exactly what the full
// JSON parser gives — on every entry kind as kazebatch writes it (which it must recognise), and
// on odd lines (other writers' forms, bad numbers, repeated or unknown members), which it either
// reads the same or leaves to the parser.

import XCTest

@testable import KazeBatch

final class JournalLineScannerTests: XCTestCase {
    private static func scan(_ line: [UInt8]) -> JournalEntry? {
        line.withUnsafeBufferPointer(JournalLineScanner.entry)
    }

    /// Every member set, ASCII text only (what the scanner reads itself).
    private static func full(_ state: JournalState) -> JournalEntry {
        var entry = JournalEntry(
            line: 1_000_000, state: state, time: "2026-12-03T08:34:43.950Z", attempt: 12, requestNo: "2026120308344395046311")
        (entry.code, entry.detail) = ("SYSTEM_ERROR", "the platform said: 'busy' / try {later}, 100% [sure]")
        (entry.cardID, entry.amount, entry.currency) = ("SB000001", "10.50", "USD")
        (entry.email, entry.target, entry.ref) = ("ann@example.com", "INACTIVE", "r,1:2")
        entry.maskedCardNumber = "539999******0017"
        entry.fields = ["transactionId": "SBT1", "status": "PENDING", "": "empty name", "z": ""]
        entry.requestNoInDoubt = false
        return entry
    }

    func testEveryEntryKindAsWrittenIsScannedToWhatTheParserReads() {
        for state in JournalState.allCases {
            var bare = JournalEntry(line: 7, state: state, time: "2026-12-03T08:34:43.950Z", attempt: 0)
            bare.fields = [:]
            for entry in [Self.full(state), JournalEntry(line: 2, state: state, time: "t", attempt: 1), bare] {
                let line = entry.jsonLine
                XCTAssertEqual(Self.scan(line), entry, "\(state): \(String(decoding: line, as: UTF8.self))")
                XCTAssertEqual(JournalEntry(parsingJSONLine: line), entry, "\(state)")
            }
        }
    }

    func testEscapedOrNonASCIITextIsLeftToTheParser() {
        var entry = Self.full(.succeeded)
        entry.detail = "a \"quoted\" \\ back/slash, é, 漢字, tab\t, line\nbreak, \u{0}"
        XCTAssertNil(Self.scan(entry.jsonLine))
        XCTAssertEqual(JournalEntry(jsonLine: entry.jsonLine), entry)
        XCTAssertEqual(JournalEntry(jsonLine: Array(entry.jsonLine)[...]), entry, "an ArraySlice, as the index reads lines")
    }

    func testOddLinesReadTheSameAsWithTheParser() {
        let base = #""state":"SUCCEEDED","time":"t""#
        let odd = [
            #"{"amount":"10.50","attempt":1,"fields":{"transactionId":"SBT\/1"},"line":2,\#(base)}"#,  // JSONEncoder's \/
            #"{"amount":null,"attempt":1,"code":null,"fields":null,"line":2,"requestNoInDoubt":null,\#(base)}"#,
            #"{"attempt":1,"line":2,\#(base),"requestNoInDoubt":true}"#,  // out of name order
            #"{"attempt":1,"line":2,"line":3,\#(base)}"#,  // repeated member
            #"{"attempt":1,"extra":"x","line":2,\#(base)}"#,  // unknown member
            #"{"attempt":1,"fields":{"b":"1","a":"2"},"line":2,\#(base)}"#,  // field names out of order
            #"{"attempt":1,"fields":{"a":"1","a":"2"},"line":2,\#(base)}"#,
            #"{"attempt":1,"fields":{"a":1},"line":2,\#(base)}"#,
            #"{ "attempt":1,"line":2,\#(base)}"#,
            #"{"attempt":1,"line":2,\#(base)} "#,
            #"{"attempt":1,"line":2,\#(base)}x"#,
            #"{"attempt":1,"line":2,\#(base)"#,
            #"{"attempt":01,"line":2,\#(base)}"#,
            #"{"attempt":1,"line":-2,\#(base)}"#,
            #"{"attempt":1,"line":2e0,\#(base)}"#,
            #"{"attempt":1,"line":2.0,\#(base)}"#,
            #"{"attempt":1,"line":1234567890123456789,\#(base)}"#,
            #"{"attempt":1,"line":123456789012345678,\#(base)}"#,
            #"{"attempt":1,"line":2,"state":"DONE","time":"t"}"#,
            #"{"attempt":1,"line":2,"state":"SUCCEEDED","time":null}"#,
            #"{"attempt":1,"line":2,"requestNoInDoubt":"yes",\#(base)}"#,
            #"{"attempt":1,"code":5,"line":2,\#(base)}"#,
            #"{"attempt":1,"line":2,"state":"SUCCEEDED"}"#,
            #"{"attempt":1,"line":2,"ref":"del\#u{7F}","state":"SUCCEEDED","time":"t"}"#,
            #"{"attempt":1,"line":2,"ref":"é","state":"SUCCEEDED","time":"t"}"#,
            #"{}"#, #"[1]"#, "",
        ]
        for text in odd {
            let line = Array(text.utf8)
            let parsed = JournalEntry(parsingJSONLine: line)
            XCTAssertEqual(JournalEntry(jsonLine: line), parsed, text)
            if let scanned = Self.scan(line) { XCTAssertEqual(scanned, parsed, text) }
        }
        XCTAssertNotNil(Self.scan(Array(odd[1].utf8)), "null members are the writer's form too")
        XCTAssertNotNil(Self.scan(Array(odd[17].utf8)), "18 digits are scanned")
        XCTAssertNil(Self.scan(Array(odd[0].utf8)), "an escape is left to the parser")
    }
}
