// CardNumber: the Luhn (mod 10) check digit of a card number.

/// Card number checks.
enum CardNumber {
    /// True when the ASCII digits of `digits` pass the Luhn check.
    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (position, byte) in digits.utf8.reversed().enumerated() {
            var digit = Int(byte) - 0x30
            guard (0...9).contains(digit) else { return false }
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
