// FieldRule+Check: applying a column's rule to its trimmed, non-empty value. Messages name the
// column and echo the value, except PINs, card numbers and other secrets, which are never echoed.

import KazeProtocol

extension FieldRule {
    /// The typed value of `value` for column `column`, or why it is not acceptable.
    func check(_ value: String, column: String, context: CheckContext) -> Result<CheckedValue, FieldProblem> {
        switch self {
        case .email:
            return TextRules.isEmail(value) ? text(value) : fail(.email, "\(column) \(quoted(value)) is not an email address")
        case .digits(let counts):
            guard TextRules.isDigits(value, count: counts) else {
                return fail(.digits, "\(column) \(quoted(value)) must be \(counts.lowerBound)–\(counts.upperBound) digits (0-9 only)")
            }
            return text(value)
        case .countryCode:
            guard ISOCountryCodes.contains(value) else {
                return fail(.countryCode, "\(column) \(quoted(value)) is not an ISO 3166-1 alpha-2 country code (e.g. US or GB)")
            }
            return text(value)
        case .text(let maxLength):
            guard TextRules.isPrintableASCII(value) else {
                let shown = Masking.secretFields.contains(column.lowercased()) ? "" : " \(quoted(value))"  // activationCode
                return fail(.english, "\(column)\(shown) must be English text (printable ASCII characters only)")
            }
            if value.utf8.count > maxLength {
                return fail(.tooLong, "\(column) is \(value.utf8.count) characters; at most \(maxLength) allowed")
            }
            return text(value)
        case .date(let tense):
            guard let date = CalendarDate(value) else {
                return fail(.date, "\(column) \(quoted(value)) is not a real date in the form yyyy-MM-dd")
            }
            switch tense {
            case .past where date >= context.today: return fail(.date, "\(column) \(quoted(value)) must be in the past")
            case .future where date <= context.today: return fail(.date, "\(column) \(quoted(value)) must be in the future")
            default: return text(value)
            }
        case .dateTime:
            guard WireTime.wallSeconds(value) != nil else {
                return fail(.datetime, "\(column) \(quoted(value)) is not a real date-time in the form yyyy-MM-dd HH:mm:ss")
            }
            return text(value)
        case .choice(let words):
            guard words.contains(value) else {
                return fail(.choice, "\(column) \(quoted(value)) must be \(words.joined(separator: " or "))")
            }
            return text(value)
        case .image:
            let url = ImageCheck.resolve(value, in: context.folder)
            if let problem = ImageCheck.problem(at: url, column: column, maxBytes: context.maxImageBytes) {
                return .failure(problem)
            }
            return .success(.image(url))
        case .pin:
            return TextRules.isDigits(value, count: 6...6) ? text(value) : fail(.pin, "\(column) must be exactly 6 digits")
        case .cardNumber:
            guard TextRules.isDigits(value, count: 12...19) else {
                return fail(.cardNumber, "\(column) must be 12–19 digits (0-9 only)")
            }
            guard Luhn.isValid(value) else {
                return fail(.luhn, "\(column) \(Masking.cardNumber(value)) fails the Luhn check")
            }
            return text(value)
        case .boolean:
            switch value.lowercased() {
            case "true": return .success(.json(.bool(true)))
            case "false": return .success(.json(.bool(false)))
            default: return fail(.boolean, "\(column) \(quoted(value)) must be true or false")
            }
        case .amount:
            guard MoneyText.cents(value) != nil else {
                return fail(
                    .amount,
                    "\(column) \(quoted(value)) must be a plain number greater than 0 with at most 2 decimals (no sign or leading zeros)")
            }
            return .success(.json(.number(value)))
        case .currency:
            guard ISOCurrencyCodes.contains(value) else {
                return fail(.currency, "\(column) \(quoted(value)) is not an ISO 4217 currency code (e.g. USD or EUR)")
            }
            guard ISOCurrencyCodes.isLegalTender(value) else {
                return fail(
                    .currency,
                    "\(column) \(quoted(value)) is an ISO 4217 code but not a currency a card can hold"
                        + " (a metal, fund, testing or accounting unit)")
            }
            return text(value)
        case .integer(let range):
            guard TextRules.isDigits(value, count: 1...3), let number = Int(value), range.contains(number) else {
                return fail(.range, "\(column) \(quoted(value)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .success(.json(.number(String(number))))
        }
    }

    /// The value in quotes, cut short, for a message (only built when a check fails).
    private func quoted(_ value: String) -> String { "'\(TextRules.excerpt(value))'" }

    private func text(_ value: String) -> Result<CheckedValue, FieldProblem> { .success(.json(.string(value))) }

    private func fail(_ code: IssueCode, _ message: String) -> Result<CheckedValue, FieldProblem> {
        .failure(FieldProblem(code, message))
    }
}
