// MoneyText: the one reading and writing of money text. A money amount as written (`10`, `10.5`,
// `10.50`) is read straight into whole cents, so checking and totalling a million recharges needs
// no Decimal parsing (`Amount` is built on it); a Decimal is written with two decimals (`46.00`)
// for summaries and the sandbox's answers.

import Foundation

/// Parsing amounts to integer cents and writing money with two decimals.
public enum MoneyText {
    /// The amount in cents, or `nil` unless `text` is 1–15 digits without a leading zero (except
    /// `0.xx`), optionally followed by `.` and 1–2 digits, and greater than zero.
    public static func cents(_ text: String) -> Int64? {
        if let result = text.utf8.withContiguousStorageIfAvailable(cents(bytes:)) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(cents(bytes:))
    }

    /// `value` rounded to cents and written with two decimals (`46.00`, `-3.50`).
    public static func twoDecimals(_ value: Decimal) -> String {
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, 2, .plain)
        let text = "\(rounded)"
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }

    private static func cents(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var wholeDigits = 0
        var fractionDigits = 0
        var inFraction = false
        var first: UInt8 = 0
        for byte in bytes {
            if byte == 0x2E {
                guard !inFraction, wholeDigits > 0 else { return nil }
                inFraction = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int64(byte - 0x30)
            if inFraction {
                fractionDigits += 1
                guard fractionDigits <= 2 else { return nil }
                fraction = fraction * 10 + digit
            } else {
                if wholeDigits == 0 { first = byte }
                wholeDigits += 1
                guard wholeDigits <= 15 else { return nil }
                whole = whole * 10 + digit
            }
        }
        guard wholeDigits > 0, !(inFraction && fractionDigits == 0), !(first == 0x30 && wholeDigits > 1) else {
            return nil
        }
        let cents = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return cents > 0 ? cents : nil
    }
}
