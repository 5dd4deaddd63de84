// Masking: what sensitive values may look like in any output, log or error message — the one
// card-number mask (first 6 + last 4) of kazebatch and the sandbox.

/// Rules for sensitive data in outputs.
public enum Masking {
    /// Fields whose values are never written anywhere (secrets and image bytes).
    public static let secretFields: Set<String> = [
        "cardcvv", "pin", "frontimgbase64", "backimgbase64", "handheldimgbase64", "activationcode",
    ]

    /// Fields holding a full card number, shown masked.
    public static let cardNumberFields: Set<String> = ["cardnumber", "cardno"]

    /// A card number as first 6 + last 4 digits (`411111******1111`); shorter values are
    /// fully starred so nothing of a malformed number leaks.
    public static func cardNumber(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count >= 12 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
            + String(characters.suffix(4))
    }

    /// Free text from the platform (an error detail) with every run of 12–19 ASCII digits that
    /// passes the Luhn check masked like a card number, in case the platform echoes one.
    public static func cardNumbers(inText text: String) -> String {
        guard text.utf8.count >= 12 else { return text }
        var result = ""
        var run = ""
        func flush() {
            result += (12...19).contains(run.count) && Luhn.isValid(run) ? cardNumber(run) : run
            run = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                run.append(character)
                continue
            }
            flush()
            result.append(character)
        }
        flush()
        return result
    }

    /// The value of `field` as it may appear in an output: masked, withheld, or as it is.
    public static func display(field: String, value: String) -> String? {
        let key = field.lowercased()
        if secretFields.contains(key) { return nil }
        if cardNumberFields.contains(key) { return cardNumber(value) }
        return value
    }
}
