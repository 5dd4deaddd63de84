// Tests for the field rules: real calendar dates and times, the injectable clock, Luhn, email
// shape, money text (agreeing with KazeProtocol's Amount), the embedded ISO lists, enums, ranges.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class ValidationRulesTests: XCTestCase {
    private let context = CheckContext(
        today: CalendarDate(utc: ValidationTestFiles.now), folder: URL(fileURLWithPath: "/"), maxImageBytes: 100)

    private func code(_ rule: FieldRule, _ value: String) -> String? {
        switch rule.check(value, column: "field", context: context) {
        case .success: nil
        case .failure(let problem): problem.code.rawValue
        }
    }

    func testCalendarDatesMustExist() {
        for valid in ["2024-02-29", "2000-02-29", "2023-12-31", "0001-01-01", "2023-04-30"] {
            XCTAssertNotNil(CalendarDate(valid), valid)
        }
        for invalid in [
            "2023-02-29", "1900-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10",
            "2023-1-01", "2023/01/01", "20230101", "2023-01-01 ", "0000-01-01", "２０２３-01-01",
        ] {
            XCTAssertNil(CalendarDate(invalid), invalid)
        }
        XCTAssertEqual(WireTime.wallSeconds("2024-02-29 23:59:59"), 1_709_251_199)
        for invalid in ["2024-02-29 24:00:00", "2024-02-29 23:60:00", "2024-02-30 10:00:00", "2024-02-29T10:00:00", "2024-02-29"] {
            XCTAssertNil(WireTime.wallSeconds(invalid), invalid)
        }
    }

    func testPastAndFutureDependOnTheInjectedClock() {
        XCTAssertEqual(CalendarDate(utc: ValidationTestFiles.now), CalendarDate("2026-06-15"))
        XCTAssertNil(code(.date(.past), "2026-06-14"))
        XCTAssertEqual(code(.date(.past), "2026-06-15"), "date")
        XCTAssertNil(code(.date(.future), "2026-06-16"))
        XCTAssertEqual(code(.date(.future), "2026-06-15"), "date")
        XCTAssertEqual(code(.date(.future), "2026-02-30"), "date")
    }

    func testLuhnAndCardNumberShape() {
        for valid in ["4111111111111111", "5399990000000018", "378282246310005", "6011111111111117"] {
            XCTAssertTrue(Luhn.isValid(valid), valid)
            XCTAssertNil(code(.cardNumber, valid), valid)
        }
        XCTAssertFalse(Luhn.isValid("4111111111111112"))
        XCTAssertEqual(code(.cardNumber, "4111111111111112"), "luhn")
        XCTAssertEqual(code(.cardNumber, "41111111111"), "card_number")
        XCTAssertEqual(code(.cardNumber, "41111111111111111111"), "card_number")
        XCTAssertEqual(code(.cardNumber, "4111-1111-1111-1111"), "card_number")
    }

    func testEmailShape() {
        for valid in ["ann.lee@example.com", "a+tag@sub.example.co.uk", "x_y@a-b.io"] {
            XCTAssertTrue(TextRules.isEmail(valid), valid)
        }
        for invalid in [
            "ann.lee@", "@example.com", "ann@example", "ann@@example.com", "ann lee@example.com",
            "ann@-example.com", "ann@example..com", "ann@example.c0m", ".ann@example.com", "änn@example.com",
        ] {
            XCTAssertFalse(TextRules.isEmail(invalid), invalid)
        }
    }

    func testMoneyTextAgreesWithAmountExceptLeadingZeros() {
        let inputs = [
            "1", "10", "10.5", "10.50", "0.01", "0.1", "999999999999999", "999999999999999.99", "1000000000000000",
            "0", "0.00", "-1", "+1", "1.", ".5", "1.234", "1e3", "1,000", " 1", "1 ", "", "١", "10.5.1", "00.5", "010",
        ]
        for input in inputs where !(input.hasPrefix("0") && input.count > 1 && !input.hasPrefix("0.")) {
            XCTAssertEqual(MoneyText.cents(input) != nil, Amount(input) != nil, input)
        }
        XCTAssertEqual(MoneyText.cents("10.5"), 1050)
        XCTAssertEqual(MoneyText.cents("0.07"), 7)
        XCTAssertEqual(MoneyText.cents("999999999999999.99"), 99_999_999_999_999_999)
        XCTAssertNil(MoneyText.cents("010"))
        XCTAssertNil(MoneyText.cents("00.5"))
        XCTAssertEqual(code(.amount, "12.345"), "amount")
        guard case .success(.json(let json)) = FieldRule.amount.check("10.50", column: "amount", context: context) else {
            return XCTFail("10.50 should pass")
        }
        XCTAssertEqual(json, .number("10.50"))
    }

    func testEmbeddedISOListsAreTheRealOnes() {
        XCTAssertEqual(ISOCountryCodes.count, 249)
        XCTAssertEqual(ISOCurrencyCodes.count, 183)
        for code in ["US", "GB", "SG", "AX", "SS", "XK"] where code != "XK" { XCTAssertTrue(ISOCountryCodes.contains(code), code) }
        for code in ["XK", "UK", "EU", "us", "USA", "U"] { XCTAssertFalse(ISOCountryCodes.contains(code), code) }
        for code in ["USD", "EUR", "SGD", "JPY", "XCG"] { XCTAssertTrue(ISOCurrencyCodes.contains(code), code) }
        for code in ["XYZ", "usd", "US", "USDT", "BTC"] { XCTAssertFalse(ISOCurrencyCodes.contains(code), code) }
        XCTAssertEqual(ISOCurrencyCodes.notLegalTender.count, 22)
        for code in ISOCurrencyCodes.notLegalTender {
            XCTAssertTrue(ISOCurrencyCodes.contains(code), "\(code) is in the ISO list")
            XCTAssertFalse(ISOCurrencyCodes.isLegalTender(code), code)
        }
        for code in ["USD", "EUR", "CHF", "CLP", "MXN", "UYU", "XAF", "XOF", "XCD", "XPF"] {
            XCTAssertTrue(ISOCurrencyCodes.isLegalTender(code), code)
        }
    }

    func testOtherRules() {
        XCTAssertNil(code(.pin, "012345"))
        XCTAssertEqual(code(.pin, "1234567"), "pin")
        XCTAssertEqual(code(.pin, "１２３４５６"), "pin")
        XCTAssertNil(code(.boolean, "TRUE"))
        XCTAssertEqual(code(.boolean, "yes"), "boolean")
        XCTAssertNil(code(.integer(1...100), "100"))
        XCTAssertEqual(code(.integer(1...100), "0"), "range")
        XCTAssertEqual(code(.integer(1...10), "1.0"), "range")
        XCTAssertNil(code(.digits(1...4), "65"))
        XCTAssertEqual(code(.digits(1...4), "12345"), "digits")
        XCTAssertEqual(code(.text(maxLength: 5), "abcdef"), "too_long")
        XCTAssertEqual(code(.text(maxLength: 64), "tab\there"), "english")
        XCTAssertEqual(code(.choice(["ACTIVE", "INACTIVE"]), "active"), "enum")
        XCTAssertNil(code(.dateTime, "2026-01-01 00:00:00"))
        XCTAssertEqual(code(.dateTime, "2026-01-01"), "datetime")
        XCTAssertEqual(code(.countryCode, "ZZ"), "country_code")
        XCTAssertEqual(code(.currency, "ABC"), "currency")
        XCTAssertEqual(code(.email, "nobody"), "email")
    }

    func testImagesAreCheckedByExistenceMagicBytesAndSize() throws {
        let folder = try ValidationTestFiles.folder(for: self)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 50)
        try Data(png).write(to: folder.appendingPathComponent("ok.png"))
        try Data(png + Array(repeating: 0, count: 100)).write(to: folder.appendingPathComponent("big.png"))
        try Data("GIF89a".utf8).write(to: folder.appendingPathComponent("pic.gif"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.png"), withIntermediateDirectories: true)
        let images = CheckContext(today: context.today, folder: folder, maxImageBytes: 100)
        func imageCode(_ path: String) -> String? {
            switch FieldRule.image.check(path, column: "frontImgPath", context: images) {
            case .success(.image(let url)):
                XCTAssertEqual(url, folder.appendingPathComponent(path).standardizedFileURL)
                return nil
            case .success(.json): return "json"
            case .failure(let problem): return problem.code.rawValue
            }
        }
        XCTAssertNil(imageCode("ok.png"))
        XCTAssertEqual(imageCode("big.png"), "image_too_large")
        XCTAssertEqual(imageCode("pic.gif"), "image_type")
        XCTAssertEqual(imageCode("missing.jpg"), "image_missing")
        XCTAssertEqual(imageCode("dir.png"), "image_missing")
        XCTAssertNil(imageCode("./sub/../ok.png"))
    }
}
