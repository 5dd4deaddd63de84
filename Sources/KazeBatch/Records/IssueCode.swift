// IssueCode: the stable words of the errors CSV `code` column. Scripts match on them, so a
// code is never renamed; each case says which check produces it.

/// A validation error code, as written to the errors CSV.
public enum IssueCode: String, Sendable, CaseIterable {
    /// A required field is missing or empty.
    case required
    /// A column or key that is not a field of the operation (typos must not drop data).
    case unknownColumn = "unknown_column"
    /// A CSV record is malformed: ragged row, unterminated or stray quote, over-long record.
    case csvSyntax = "csv_syntax"
    /// A JSONL line is not one JSON object, or repeats a key.
    case jsonSyntax = "json_syntax"
    /// A JSONL value is an array or object instead of a string, number or boolean.
    case type
    /// The record is not valid UTF-8.
    case encoding
    /// Not an email address shape.
    case email
    /// Not only ASCII digits, or the wrong number of them (dial code, mobile number).
    case digits
    /// Not an ISO 3166-1 alpha-2 country code.
    case countryCode = "country_code"
    /// Not English text (printable ASCII).
    case english
    /// A control character, an invisible format character or a non-ASCII space in any field but `ref`.
    case hiddenCharacter = "hidden_character"
    /// Longer than the field allows.
    case tooLong = "too_long"
    /// Not a real date `yyyy-MM-dd`, or on the wrong side of today.
    case date
    /// Not a real date-time `yyyy-MM-dd HH:mm:ss`.
    case datetime
    /// `transactionStartTime` after `transactionEndTime`.
    case timeOrder = "time_order"
    /// Not one of the allowed words (identificationType, status).
    case choice = "enum"
    /// Not exactly six ASCII digits.
    case pin
    /// Not 12–19 ASCII digits.
    case cardNumber = "card_number"
    /// The card number fails the Luhn check.
    case luhn
    /// Not `true` or `false`.
    case boolean
    /// Not a positive amount with at most 2 decimals.
    case amount
    /// Not an ISO 4217 alpha-3 currency code.
    case currency
    /// A whole number outside its range, or not a whole number.
    case range
    /// The image file does not exist or cannot be read.
    case imageMissing = "image_missing"
    /// The image file is not a JPEG or PNG.
    case imageType = "image_type"
    /// The image file is larger than the limit.
    case imageTooLarge = "image_too_large"
    /// The same card+amount+currency (recharge), email (kyc) or card number (assign) as an earlier record.
    case duplicate
}
