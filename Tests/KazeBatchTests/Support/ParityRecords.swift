// ParityRecords: random records of one operation built from KazeProtocol's FieldTable — all
// fields valid, or one or two of them spoilt in one of the ways a rule can be broken (too long,
// too short, wrong character set, bad enum, missing required, unreal or wrongly-placed date, bad
// Luhn, bad money, wrong image) — each as the `name=value` pairs `validate` reads and as the wire
// body the sandbox receives.

import Foundation
import KazeProtocol

@testable import KazeSandbox

/// One generated record in both of its forms.
struct ParityRecord {
    /// Column name → text, as a batch file (or `call`) gives it.
    var columns: [(name: String, value: String)] = []
    /// The business JSON the platform would get for those values.
    var wire = JSONObject()
    /// What was spoilt, for failure messages (`firstName: too long`).
    var spoilt: [String] = []
}

/// Generates ParityRecords with a seeded generator.
struct ParityRecords {
    /// The folder holding `tiny.png`, `tiny.jpg` and `not-image.txt`.
    let imageFolder: URL
    var random: SplitMix64

    /// A record of `operation` with `spoil` fields spoilt (0 = a valid record).
    mutating func record(_ operation: APIOperation, spoil: Int) -> ParityRecord {
        let specs = FieldTable.fields(of: operation)
        var spoiltSlots = Set<Int>()
        while spoiltSlots.count < min(spoil, specs.count) { spoiltSlots.insert(Int.random(in: 0..<specs.count, using: &random)) }
        var record = ParityRecord()
        for (slot, spec) in specs.enumerated() {
            let value: String?
            if spoiltSlots.contains(slot) {
                let (kind, bad) = invalidValue(spec)
                record.spoilt.append("\(spec.name): \(kind)")
                value = bad
            } else if spec.requirement == .optional, Bool.random(using: &random) {
                value = nil
            } else {
                value = validValue(spec.rule)
            }
            guard let value else { continue }
            record.columns.append((spec.name, value))
            record.wire[spec.field] = wireValue(value, spec.rule)
        }
        return record
    }

    // MARK: Valid values

    private mutating func validValue(_ rule: FieldRule) -> String {
        switch rule {
        case .email: return word(letters + digits, 1...12) + "@" + word(letters, 1...10) + "." + word(letters, 2...6)
        case .digits(let counts): return word(digits, counts)
        case .countryCode: return pick(["US", "GB", "DE", "SG", "JP", "BR"])
        case .text(let maxLength): return english(1...maxLength)
        case .date(.past): return day(years: 1930...2025)
        case .date(.future): return day(years: 2027...2045)
        case .dateTime: return day(years: 2000...2030) + " " + clock()
        case .choice(let words): return pick(words)
        case .image: return pick(["tiny.png", "tiny.jpg"])
        case .pin: return word(digits, 6...6)
        case .cardNumber: return luhnNumber(Int.random(in: 12...19, using: &random))
        case .boolean: return pick(["true", "false", "TRUE", "False"])
        case .amount: return String(Int.random(in: 1...99_999_999, using: &random)) + pick(["", ".5", ".05", ".99"])
        case .currency: return pick(["USD", "EUR", "GBP", "JPY"])
        case .integer(let range): return String(Int.random(in: range, using: &random))
        }
    }

    // MARK: Invalid values

    /// How `spec` was spoilt and the value, or nil for a missing value.
    private mutating func invalidValue(_ spec: FieldSpec) -> (String, String?) {
        if spec.requirement != .optional, Int.random(in: 0..<6, using: &random) == 0 { return ("missing", nil) }
        var kinds: [(String, String?)]
        switch spec.rule {
        case .email:
            kinds = [
                ("no @", "plain.address"), ("two @", "a@b@c.com"), ("space", "a b@c.com"), ("non-ASCII", "é@x.com"),
                ("one label", "a@localhost"), ("too long", word(letters, 250...260) + "@x.com"), ("empty label", "a@x..com"),
            ]
        case .digits(let counts):
            kinds = [
                ("too long", word(digits, (counts.upperBound + 1)...(counts.upperBound + 5))),
                ("letter", word(digits, counts) + "x"), ("plus sign", "+" + word(digits, counts)), ("full-width digits", "１２３４５"),
            ]
            if counts.lowerBound > 1 { kinds.append(("too short", word(digits, 1...(counts.lowerBound - 1)))) }
        case .countryCode: kinds = [("lower case", "us"), ("three letters", "USA"), ("digit", "U1"), ("unassigned", "ZZ")]
        case .text(let maxLength):
            kinds = [
                ("too long", english((maxLength + 1)...(maxLength + 30))), ("control character", "ab\u{7}cd"),
                ("tab inside", "ab\tcd"), ("non-ASCII", "Zoë"), ("NBSP inside", "ab\u{A0}cd"),
            ]
        case .date(let tense):
            kinds = [
                ("unreal date", "2023-02-30"), ("slashes", "2023/01/01"), ("no dashes", "20230101"), ("today", "2026-06-15"),
                ("wrong side of today", tense == .past ? day(years: 2027...2040) : day(years: 1990...2025)), ("year 0", "0000-01-01"),
            ]
        case .dateTime:
            kinds = [
                ("unreal", "2024-02-30 10:00:00"), ("T separator", "2024-01-01T00:00:00"), ("hour 24", "2024-01-01 24:00:00"),
                ("date only", "2024-01-01"),
            ]
        case .choice(let words): kinds = [("lower case", pick(words).lowercased()), ("other word", "OTHER")]
        case .image: kinds = [("not an image", "not-image.txt"), ("missing file", "missing.png")]
        case .pin: kinds = [("five digits", "12345"), ("seven digits", "1234567"), ("letter", "12a456")]
        case .cardNumber:
            let good = luhnNumber(16)
            let last = Int(String(good.last ?? "0")) ?? 0
            kinds = [
                ("bad Luhn", String(good.dropLast()) + String((last + 1) % 10)), ("11 digits", luhnNumber(11)),
                ("20 digits", luhnNumber(20)), ("letter", "4111x11111111111"),
            ]
        case .boolean: kinds = [("yes", "yes"), ("one", "1"), ("t", "t")]
        case .amount:
            kinds = [
                ("zero", "0"), ("zero cents", "0.00"), ("negative", "-5"), ("3 decimals", "1.234"), ("exponent", "1e3"),
                ("letters", "abc"), ("leading zero", "01.50"), ("thousands comma", "1,000"), ("16 digits", "1234567890123456"),
            ]
        case .currency:
            kinds = [
                ("lower case", "usd"), ("two letters", "US"), ("four letters", "USDD"), ("metal", "XAU"), ("no currency", "XXX"),
                ("digits", "123"),
            ]
        case .integer(let range):
            kinds = [
                ("below", String(range.lowerBound - 1)), ("above", String(range.upperBound + 1)), ("letters", "abc"),
                ("fraction", "1.5"), ("negative", "-1"),
            ]
        }
        return pick(kinds)
    }

    // MARK: The wire

    /// The JSON the batch engine would send for `value` (an image as a data URI of its bytes).
    private func wireValue(_ value: String, _ rule: FieldRule) -> JSONValue {
        switch rule {
        case .boolean:
            switch value.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .string(value)
            }
        case .amount: return .number(value)
        case .integer: return Int(value).map { .number(String($0)) } ?? .string(value)
        case .image:
            let bytes = (try? Data(contentsOf: imageFolder.appendingPathComponent(value))) ?? Data()
            return .string("data:image/\(value.hasSuffix(".jpg") ? "jpeg" : "png");base64," + bytes.base64EncodedString())
        default: return .string(value)
        }
    }

    // MARK: Pieces

    private let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    private let digits = Array("0123456789")

    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }

    private mutating func word(_ alphabet: [Character], _ length: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: length, using: &random)).map { _ in pick(alphabet) })
    }

    /// Printable ASCII with no space at either end (a value is trimmed before it is checked).
    private mutating func english(_ length: ClosedRange<Int>) -> String {
        let count = Int.random(in: length, using: &random)
        return String(
            (0..<count).map { position in
                let inner = position > 0 && position < count - 1
                return Character(Unicode.Scalar(UInt8.random(in: inner ? 0x20...0x7E : 0x21...0x7E, using: &random)))
            })
    }

    private mutating func day(years: ClosedRange<Int>) -> String {
        String(
            format: "%04d-%02d-%02d", Int.random(in: years, using: &random), Int.random(in: 1...12, using: &random),
            Int.random(in: 1...28, using: &random))
    }

    private mutating func clock() -> String {
        String(
            format: "%02d:%02d:%02d", Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random),
            Int.random(in: 0...59, using: &random))
    }

    private mutating func luhnNumber(_ length: Int) -> String {
        let body = word(digits, (length - 1)...(length - 1))
        return body + String(Luhn.checkDigit(body))
    }
}
