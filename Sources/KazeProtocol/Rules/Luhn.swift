// Luhn: the mod-10 check digit of card numbers — checked by `validate`, by the sandbox and by the
// masking of card numbers in free text, and computed by the sandbox for its inventory.

/// The Luhn (mod 10) check.
public enum Luhn {
    /// True when `digits` is ASCII digits only and passes the Luhn check.
    public static func isValid(_ digits: String) -> Bool { sum(digits, doublingOdd: true).map { $0 % 10 == 0 } ?? false }

    /// The check digit that completes `body` (ASCII digits) into a Luhn-valid number.
    public static func checkDigit(_ body: String) -> Int { (10 - (sum(body, doublingOdd: false) ?? 0) % 10) % 10 }

    /// The Luhn sum of `digits` from the right, doubling every second digit (the 2nd, 4th, ...
    /// when `doublingOdd`, for a number with its check digit; the 1st, 3rd, ... for a body without
    /// it); nil when a byte is not an ASCII digit.
    private static func sum(_ digits: String, doublingOdd: Bool) -> Int? {
        var sum = 0
        for (position, byte) in digits.utf8.reversed().enumerated() {
            var digit = Int(byte) - 0x30
            guard (0...9).contains(digit) else { return nil }
            if (position % 2 == 1) == doublingOdd {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum
    }
}
