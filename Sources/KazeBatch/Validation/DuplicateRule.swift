// DuplicateRule: which fields make two records of one operation "the same" — card+amount+currency
// for recharge, email for kyc (any letter case), card number for assign — as a fingerprint taken
// straight from the record's checked values.

import KazeProtocol

/// How an operation's duplicate records are recognised.
struct DuplicateRule {
    private enum Key {
        case recharge(card: Int, currency: Int, amount: Int)
        case email(Int)
        case cardNumber(Int)
    }

    /// The fields named in the duplicate message.
    let fields: String
    private let key: Key

    /// The rule of `schema`'s operation, or `nil` when its records are never duplicates.
    init?(schema: OperationSchema) {
        switch schema.operation {
        case .recharge:
            guard let card = schema.slot(forName: "cardID"), let currency = schema.slot(forName: "currency"),
                let amount = schema.slot(forName: "amount")
            else { return nil }
            key = .recharge(card: card, currency: currency, amount: amount)
            fields = "cardID, amount and currency"
        case .kyc:
            guard let email = schema.slot(forName: "email") else { return nil }
            key = .email(email)
            fields = "email"
        case .assign:
            guard let number = schema.slot(forName: "cardNumber") else { return nil }
            key = .cardNumber(number)
            fields = "cardNumber"
        default:
            return nil
        }
    }

    /// The fingerprint of a valid record's key. Amounts compare by value (`10.5` = `10.50`);
    /// a missing currency counts as USD.
    func fingerprint(of values: [String?]) -> Fingerprint? {
        var hasher = FingerprintHasher()
        switch key {
        case .recharge(let card, let currency, let amount):
            guard let cardID = values[card], let text = values[amount] else { return nil }
            return Self.recharge(cardID: cardID, amount: text, currency: values[currency])
        case .email(let slot):
            guard let email = values[slot] else { return nil }
            hasher.add(email.lowercased())
        case .cardNumber(let slot):
            guard let number = values[slot] else { return nil }
            hasher.add(number)
        }
        return hasher.finish()
    }

    /// The fingerprint of a recharge key: the card, the amount by value (`10.5` = `10.50`) and
    /// the currency (absent = USD). Nil when the amount is not money text.
    static func recharge(cardID: String, amount: String, currency: String?) -> Fingerprint? {
        guard let cents = MoneyText.cents(amount) else { return nil }
        var hasher = FingerprintHasher()
        hasher.add(cardID)
        hasher.add(cents)
        hasher.add(currency ?? "USD")
        return hasher.finish()
    }
}
