// FieldRule: what kind of value a request field holds — its type, character set, length limits,
// enum values or format. Pure data: `validate` (KazeBatch) and the sandbox each check it their own way.

/// The type, character set and limits of one field's (trimmed, non-empty) value.
public enum FieldRule: Sendable, Equatable {
    /// `local@domain.tld`, printable ASCII, at most 254 characters (local part at most 64).
    case email
    /// ASCII digits only, with a digit count in the range (dial codes, mobile numbers).
    case digits(ClosedRange<Int>)
    /// An ISO 3166-1 alpha-2 country code from the real list (`US`, `GB`).
    case countryCode
    /// English text: printable ASCII only (space to `~`), at most `maxLength` characters.
    case text(maxLength: Int)
    /// A real calendar date `yyyy-MM-dd` before today (`.past`) or after today (`.future`).
    case date(DateTense)
    /// A real date and time `yyyy-MM-dd HH:mm:ss`.
    case dateTime
    /// One of a fixed set of words (written in capitals).
    case choice([String])
    /// A JPEG or PNG image: a file path in a batch, a `data:image/...;base64,` URI on the wire.
    case image
    /// Exactly six ASCII digits.
    case pin
    /// 12–19 ASCII digits passing the Luhn check.
    case cardNumber
    /// `true` or `false` in any letter case; a JSON boolean.
    case boolean
    /// Money: positive, at most 2 decimals, at most 15 whole digits; a JSON number with the user's digits.
    case amount
    /// An ISO 4217 alpha-3 currency code from the real list (`USD`) that is legal tender.
    case currency
    /// A whole number in the range; a JSON number.
    case integer(ClosedRange<Int>)

    /// Which side of today a date must fall on.
    public enum DateTense: Sendable, Equatable { case past, future }

    /// The most characters a `.text` value may have, or nil for other rules.
    public var maxLength: Int? {
        if case .text(let maxLength) = self { return maxLength }
        return nil
    }

    /// The allowed digit count of a `.digits` value, or the range of an `.integer`; nil for other rules.
    public var range: ClosedRange<Int>? {
        switch self {
        case .digits(let range), .integer(let range): range
        default: nil
        }
    }

    /// The words a `.choice` value may be; nil for other rules.
    public var choices: [String]? {
        if case .choice(let words) = self { return words }
        return nil
    }
}
