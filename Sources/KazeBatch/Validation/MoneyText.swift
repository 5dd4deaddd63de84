// MoneyText: a money amount as written (`10`, `10.5`, `10.50`) read straight into whole cents, so
// checking and totalling a million recharges needs no Decimal parsing. It accepts exactly what
// KazeProtocol's `Amount` accepts (so no leading zeros: `010.50` is not valid JSON number text).

/// Parsing amounts to integer cents.
enum MoneyText {
    /// The amount in cents, or `nil` unless `text` is 1–15 digits without a leading zero (except
    /// `0.xx`), optionally followed by `.` and 1–2 digits, and greater than zero.
    static func cents(_ text: String) -> Int64? { text.withUTF8Buffer(cents(bytes:)) }

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
