// RequestNumber: requestNo values as the docs' examples make them — yyyyMMddHHmmss (UTC)
// followed by 8 random digits, 22 digits in all — and the one check of the format, made by the
// client before sending and by the sandbox on receipt.

import Foundation

/// Generation and checking of `head.requestNo`.
public enum RequestNumber {
    /// A new requestNo: the UTC time as `yyyyMMddHHmmss` plus 8 random digits (22 digits).
    public static func make() -> String { make(at: Date()) }

    /// A requestNo for the given time (8 fresh random digits).
    public static func make(at date: Date) -> String {
        let stamp = WireTime.text(date).filter(\.isASCIIDigit)
        var generator = SystemRandomNumberGenerator()
        return stamp + padded(Int.random(in: 0..<100_000_000, using: &generator), width: 8)
    }

    /// True when `text` is a valid requestNo: 1–32 characters `[0-9A-Za-z]`.
    public static func isValid(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
