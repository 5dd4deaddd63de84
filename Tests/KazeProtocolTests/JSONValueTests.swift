// Tests for the JSON model: exact numbers, ordered members, escapes, strict parsing.

import XCTest

@testable import KazeProtocol

final class JSONValueTests: XCTestCase {
    func testNumbersKeepTheirDigits() throws {
        let value = try JSONValue.parse(#"{"amount":10.50,"big":12345678901234567890.10,"e":1E+2}"#)
        let object = try XCTUnwrap(value.objectValue)
        XCTAssertEqual(object["amount"], .number("10.50"))
        XCTAssertEqual(object["big"], .number("12345678901234567890.10"))
        XCTAssertEqual(object["e"], .number("1E+2"))
        XCTAssertEqual(value.compactText, #"{"amount":10.50,"big":12345678901234567890.10,"e":1E+2}"#)
    }

    func testMembersKeepInsertionOrder() {
        let object = JSONObject([("z", .string("1")), ("a", .bool(true)), ("m", .null)])
        XCTAssertEqual(JSONValue.object(object).compactText, #"{"z":"1","a":true,"m":null}"#)
    }

    func testStringEscapesRoundTrip() throws {
        let text = "quote\" back\\ nl\n tab\t ctl\u{01} é 😀"
        let written = JSONValue.string(text).compactText
        XCTAssertEqual(written, #""quote\" back\\ nl\n tab\t ctl\u0001 é 😀""#)
        XCTAssertEqual(try JSONValue.parse(written), .string(text))
        XCTAssertEqual(try JSONValue.parse(#""\u0044\ud83d\ude00""#), .string("D😀"))
    }

    func testLongStringsAreCopiedWholeAndEscapedAtTheirEdges() throws {
        let base64 = String(repeating: "QUJD+/==", count: 100_000)
        XCTAssertEqual(JSONValue.string(base64).compactText, "\"" + base64 + "\"")
        let edged = "\u{1F}" + base64 + "é\"\n"
        let written = JSONValue.object(JSONObject([("k\"", .string(edged))])).compactText
        XCTAssertEqual(written, #"{"k\"":"\u001f"# + base64 + #"é\"\n"}"#)
        XCTAssertEqual(try JSONValue.parse(written), .object(JSONObject([("k\"", .string(edged))])))
        XCTAssertEqual(JSONValue.string("").compactText, #""""#)
    }

    func testEveryByteThatNeedsAnEscapeIsFoundAtEveryPositionOfAWord() throws {
        for special in ["\"", "\\", "\n", "\u{00}", "\u{1F}"] {
            for position in 0..<20 {
                let text = String(repeating: "a", count: position) + special + "~\u{7F}é" + String(repeating: "b", count: 19 - position)
                let written = JSONValue.string(text).compactText
                XCTAssertEqual(try JSONValue.parse(written), .string(text), "\(special.debugDescription) at \(position)")
                XCTAssertEqual(
                    written.utf8.count,
                    text.utf8.count + 2
                        + (special.unicodeScalars.first!.value < 0x20
                            ? (special == "\n" ? 1 : 5) : 1),
                    "\(special.debugDescription) at \(position) escaped once")
            }
        }
    }

    func testRejectsMalformedDocuments() {
        for bad in [
            "", "{", #"{"a":}"#, "[1,]", "01", "1.", "-", #"{"a":1}x"#, #""\ud800""#, #"{"a":1,"a":2}"#,
            "\"\u{01}\"", "tru", String(repeating: "[", count: 100),
        ] {
            XCTAssertThrowsError(try JSONValue.parse(bad), "accepted \(bad)")
        }
    }

    func testRejectsInvalidUTF8() {
        XCTAssertThrowsError(try JSONValue.parse([0x22, 0xFF, 0x22]))
    }
}
