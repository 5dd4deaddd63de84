// Cents: sandbox money as a whole number of cents, converted to and from the exact decimal
// text of the wire (never through a binary float).

import Foundation
import KazeProtocol

/// An amount of money in cents.
struct Cents: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of cents (may be zero; never negative in sandbox state).
    var value: Int64

    /// `value` cents.
    init(_ value: Int64) { self.value = value }

    /// Parses a plain decimal text with at most two fraction digits (`12`, `12.5`, `12.50`);
    /// `nil` for signs, exponents, more decimals or more than 15 whole digits.
    init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, (1...15).contains(whole.count),
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let units = Int64(whole)
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let parsed = Int64(digits)
            else { return nil }
            fraction = digits.count == 1 ? parsed * 10 : parsed
        }
        value = units * 100 + fraction
    }

    /// The Decimal converted exactly, or `nil` when it has more than two decimals or is negative.
    init?(decimal: Decimal) {
        guard decimal >= 0 else { return nil }
        self.init(text: "\(decimal)")
    }

    /// The amount with exactly two decimals, e.g. `1234.50`.
    var text: String {
        MoneyText.twoDecimals(Decimal(value) / 100)
    }

    /// The amount as a JSON number with two decimals.
    var json: JSONValue { .number(text) }

    var description: String { text }

    static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value + rhs.value) }
    static func - (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value - rhs.value) }
    static let zero = Cents(0)
}
