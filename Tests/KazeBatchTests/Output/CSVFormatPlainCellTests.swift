// Tests for CSVFormat's byte-level shortcut: a cell of printable ASCII comes out exactly as the
// scalar-by-scalar rules would write it, for every printable ASCII character in every position.

import XCTest

@testable import KazeBatch

final class CSVFormatPlainCellTests: XCTestCase {
    func testEveryPrintableASCIICharacterFirstInsideAndLast() {
        for value in UInt8(0x20)...UInt8(0x7E) {
            let character = String(UnicodeScalar(value))
            let inner = "x" + character + "y"
            let quotedInner = character == "\"" ? "\"x\"\"y\"" : "\"\(inner)\""
            XCTAssertEqual(CSVFormat.cell(inner), character == "," || character == "\"" ? quotedInner : inner, inner)

            let leading = character + "y"
            let expected: String
            switch character {
            case "=", "+", "-", "@": expected = "'" + leading
            case " ", ",": expected = "\"\(leading)\""
            case "\"": expected = "\"\"\"y\""
            default: expected = leading
            }
            XCTAssertEqual(CSVFormat.cell(leading), expected, leading)
            XCTAssertEqual(CSVFormat.oneLineCell(leading), expected, leading)
        }
    }

    func testNonASCIIAndControlBytesStillTakeTheFullRules() {
        XCTAssertEqual(CSVFormat.cell("caf\u{E9}"), "caf\u{E9}")
        XCTAssertEqual(CSVFormat.cell("a\u{85}b"), "a<U+0085>b", "a C1 control (two UTF-8 bytes) is made visible")
        XCTAssertEqual(CSVFormat.cell("a\u{7F}"), "a<U+007F>")
        XCTAssertEqual(CSVFormat.cell(""), "")
    }
}
