// CardNumbers: the sandbox's deterministic, Luhn-valid card numbers, so sample files can name
// them: preset cards (from --cards) and the unassigned inventory for ucardAssign.

import KazeProtocol

/// Which deterministic series a sandbox card number belongs to.
public enum CardSeries: String, Sendable {
    /// Cards created ACTIVE by `--cards N`: `539998` + 9-digit index + check digit.
    case preset
    /// Fresh numbers for `ucardAssign`: `539999` + 9-digit index + check digit.
    case inventory

    /// The six-digit prefix of the series.
    var prefix: String { self == .preset ? "539998" : "539999" }
}

/// Card number arithmetic for the sandbox.
public enum CardNumbers {
    /// The 16-digit number at `index` (1-based) of `series`, with its Luhn check digit.
    /// Example: `number(.inventory, 1)` is `5399990000000018`.
    public static func number(_ series: CardSeries, _ index: Int) -> String {
        let digits = String(index)
        let body = series.prefix + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        return body + String(Luhn.checkDigit(body))
    }

    /// The series and index of a sandbox number, or `nil` when it is not one of them.
    public static func parse(_ number: String) -> (CardSeries, Int)? {
        guard number.count == 16, number.allSatisfy(\.isASCIIDigit) else { return nil }
        let series: CardSeries
        if number.hasPrefix(CardSeries.preset.prefix) {
            series = .preset
        } else if number.hasPrefix(CardSeries.inventory.prefix) {
            series = .inventory
        } else {
            return nil
        }
        guard let index = Int(number.dropFirst(6).prefix(9)), index > 0, Self.number(series, index) == number else {
            return nil
        }
        return (series, index)
    }

    /// The activation code of a card: the last six digits of its number.
    public static func activationCode(_ number: String) -> String { String(number.suffix(6)) }
}
