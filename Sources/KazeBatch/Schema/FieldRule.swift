// FieldRule: what kind of value a column holds — the check it must pass and the JSON it becomes.
// The checks themselves live in Validation/FieldRule+Check.swift.

/// The check and typing applied to one column's (trimmed, non-empty) value.
enum FieldRule: Sendable, Equatable {
    /// `local@domain.tld`, printable ASCII, at most 254 characters.
    case email
    /// ASCII digits only, with a digit count in the range (dial codes, mobile numbers).
    case digits(ClosedRange<Int>)
    /// An ISO 3166-1 alpha-2 country code from the real list (`US`, `GB`).
    case countryCode
    /// English text: printable ASCII only, optionally with a maximum length.
    case text(maxLength: Int?)
    /// A real calendar date `yyyy-MM-dd` before today (`.past`) or after today (`.future`).
    case date(DateTense)
    /// A real date and time `yyyy-MM-dd HH:mm:ss`.
    case dateTime
    /// One of a fixed set of words (written in capitals).
    case choice([String])
    /// A JPEG or PNG file, by a path relative to the input file's folder.
    case image
    /// Exactly six ASCII digits.
    case pin
    /// 12–19 ASCII digits passing the Luhn check.
    case cardNumber
    /// `true` or `false` in any letter case; a JSON boolean.
    case boolean
    /// Money: positive, at most 2 decimals; a JSON number with the user's digits.
    case amount
    /// An ISO 4217 alpha-3 currency code from the real list (`USD`).
    case currency
    /// A whole number in the range; a JSON number.
    case integer(ClosedRange<Int>)

    /// Which side of today a date must fall on.
    enum DateTense: Sendable, Equatable { case past, future }
}
