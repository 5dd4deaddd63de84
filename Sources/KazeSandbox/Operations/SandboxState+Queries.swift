// SandboxState+Queries: queryCard and cardBalance.

import KazeProtocol

extension SandboxState {
    /// queryCard: the card and its holder's KYC details. Physical cards have no CVV.
    func queryCard(_ fields: Fields) throws -> OperationResult {
        let card = try card(try fields.cardID())
        let user = users[card.email]
        return .success(
            .compact([
                ("cardID", .string(card.cardID)), ("cardNo", .string(card.cardNumber)),
                ("expiryDate", .string(card.expiryDate)), ("currency", .string(card.currency)),
                ("userBankCardStatus", .string(card.status.rawValue)), ("cardHolderEmail", .string(card.email)),
                ("cardHolderMobileNumber", user.map { .string($0.mobileNumber) }),
                ("cardHolderMobilePrefix", user.map { .string($0.mobilePrefix) }),
                ("countryCode", user.map { .string($0.countryCode) }), ("billingState", user.map { .string($0.state) }),
                ("billingCity", user.map { .string($0.city) }), ("billingAddress", user.map { .string($0.addressLine) }),
                ("billingZipCode", user.map { .string($0.postCode) }),
            ]))
    }

    /// cardBalance: available balance (settled recharges) and a zero blocked balance.
    func balance(_ fields: Fields) throws -> OperationResult {
        let cardID = try fields.cardID()
        let currency = try fields.currency()
        let card = try card(cardID, holding: currency)
        return .success(
            JSONObject([
                ("cardID", .string(cardID)), ("currency", .string(currency)),
                ("avaBalance", card.balance.json), ("blockBalance", Cents.zero.json),
            ]))
    }
}
