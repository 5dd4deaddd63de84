// RepeatSubject: what a state-changing row acts on and asks for — the fields that make a row of
// one batch "the same request" as a row of another batch of the same file. Read from a valid
// record of the file, or from a row's journaled PENDING entry, so both sides compare alike.

import KazeProtocol

/// The subject and requested value of one row.
struct RepeatSubject {
    var cardID: String?
    var email: String?
    var amount: String?
    var currency: String?
    var status: String?

    /// The subject of a valid record.
    init(_ record: CheckedRecord) {
        cardID = record.value(of: "cardID")?.stringValue
        email = record.value(of: "email")?.stringValue
        amount = record.value(of: "amount")?.numberText
        currency = record.value(of: "currency")?.stringValue
        status = record.value(of: "status")?.stringValue
    }

    /// The subject a journaled row was sent with (its PENDING entry).
    init(_ row: RowRecord) {
        (cardID, email, amount, currency, status) = (row.cardID, row.email, row.amount, row.currency, row.target)
    }

    /// The key two rows of `operation` share when they ask for the same thing: recharge card,
    /// amount by value and currency (absent = USD); kyc and assign the email (any letter
    /// case); activate, set-pin and close the card; set-status the card and status. Nil for
    /// read-only operations, and when a field of the key is missing.
    func key(for operation: APIOperation) -> Fingerprint? {
        var hasher = FingerprintHasher()
        switch operation {
        case .recharge:
            guard let cardID, let amount else { return nil }
            return DuplicateRule.recharge(cardID: cardID, amount: amount, currency: currency)
        case .kyc, .assign:
            guard let email else { return nil }
            hasher.add(email.lowercased())
        case .activate, .setPin, .close:
            guard let cardID else { return nil }
            hasher.add(cardID)
        case .setStatus:
            guard let cardID, let status else { return nil }
            hasher.add(cardID)
            hasher.add(status)
        case .kycStatus, .card, .balance, .transactions:
            return nil
        }
        return hasher.finish()
    }

    /// The key's fields as a message shows them (`SB000041 USD 7.01`, `ann@example.com`,
    /// `SB000041 INACTIVE`); never a card number.
    func text(for operation: APIOperation) -> String {
        switch operation {
        case .recharge: [cardID ?? "", currency ?? "USD", amount ?? ""].joined(separator: " ")
        case .kyc, .assign: email ?? ""
        case .setStatus: [cardID ?? "", status ?? ""].joined(separator: " ")
        default: cardID ?? ""
        }
    }
}
