// Amount: money exactly as the user wrote it — at most 2 decimals, greater than zero —
// sent on the wire with the same digits and summed as Decimal, never as a float.

import Foundation

/// A positive money amount with at most two fraction digits, kept as its original text.
public struct Amount: Sendable, Hashable, CustomStringConvertible {
    /// The digits as written, e.g. `10.50`.
    public let text: String
    /// The same value as a Decimal, for totals.
    public let decimal: Decimal

    /// Parses `text` (`123`, `10.5`, `10.50`); `nil` when it is not a plain positive decimal
    /// with at most two fraction digits (no sign, exponent, spaces, thousands separators or
    /// leading zeros, which would not be a valid JSON number on the wire).
    public init?(_ text: String) {
        guard let cents = MoneyText.cents(text) else { return nil }
        self.text = text
        self.decimal = Decimal(sign: .plus, exponent: -2, significand: Decimal(cents))  // no division: status sums millions
    }

    /// The value of an amount as the platform writes it (`-12.5`, `100.000`, `7`): an optional
    /// minus, digits, optionally a point and more digits; nil for anything else (exponents,
    /// spaces, trailing text — which `Decimal(string:)` alone would half-read).
    public static func decimal(_ text: String) -> Decimal? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The JSON number for the wire, with exactly the user's digits.
    public var json: JSONValue { .number(text) }

    public var description: String { text }
}

extension Character {
    /// True for the ASCII digits 0–9 only (not other Unicode digits).
    public var isASCIIDigit: Bool { isASCII && isNumber && ("0"..."9").contains(self) }
}
