// DuplicateRule: which fields make two records of one operation "the same" — card+amount+currency
// for recharge, email for kyc (any letter case), card number for assign — as a fingerprint.

import KazeProtocol

/// How an operation's duplicate records are recognised.
enum DuplicateRule {
    /// The fields named in the duplicate message, or `nil` when the operation has no rule.
    static func describedFields(of operation: APIOperation) -> String? {
        switch operation {
        case .recharge: "cardID, amount and currency"
        case .kyc: "email"
        case .assign: "cardNumber"
        default: nil
        }
    }

    /// The fingerprint of a valid record's key, or `nil` when the operation has no rule.
    /// Amounts compare by value (`10.5` = `10.50`); a missing currency counts as USD.
    static func fingerprint(of operation: APIOperation, body: [(String, JSONValue)]) -> Fingerprint? {
        func value(_ field: String) -> String? { body.first(where: { $0.0 == field })?.1.scalarText }
        var hasher = FingerprintHasher()
        switch operation {
        case .recharge:
            guard let card = value("cardID"), let amount = value("amount"), let cents = MoneyText.cents(amount) else {
                return nil
            }
            hasher.add(card)
            hasher.add(cents)
            hasher.add(value("currency") ?? "USD")
        case .kyc:
            guard let email = value("email") else { return nil }
            hasher.add(email.lowercased())
        case .assign:
            guard let number = value("cardNumber") else { return nil }
            hasher.add(number)
        default:
            return nil
        }
        return hasher.finish()
    }
}
