// SandboxState+Cards: ucardAssign, ucardActive and cardSetPin — a card from inventory to use.

import Foundation
import KazeProtocol

extension SandboxState {
    /// The card `cardID`, or NOT_FOUND.
    func card(_ cardID: String) throws -> SandboxCard {
        guard let card = cards[cardID] else { throw SandboxFailure.notFound("no card with this cardID") }
        return card
    }

    /// The card `cardID` when it holds `currency` (sandbox cards hold USD): NOT_FOUND for an
    /// unknown card, STATE_ERROR for a currency the card does not hold.
    func card(_ cardID: String, holding currency: String) throws -> SandboxCard {
        let card = try card(cardID)
        guard card.currency == currency else {
            throw SandboxFailure.state("the card holds \(card.currency), not \(currency)")
        }
        return card
    }

    /// ucardAssign: gives an inventory number to a user whose KYC is not REJECTED; with
    /// autoActive true the KYC must be PASSED and the card starts ACTIVE. The card's id follows
    /// from its inventory index (`SBI000003` for the third number).
    mutating func assign(_ fields: Fields, _ context: RequestContext) throws -> OperationResult {
        let email = try fields.required("email")
        let number = try fields.required("cardNumber")
        let autoActive = try fields.requiredBool("autoActive")
        guard (12...19).contains(number.count), Luhn.isValid(number) else {
            throw SandboxFailure.param("cardNumber", "must be 12-19 digits with a valid Luhn check digit")
        }
        guard let user = users[email] else { throw SandboxFailure.notFound("no KYC application for this email") }
        guard let (series, index) = CardNumbers.parse(number), series == .inventory, index <= inventorySize else {
            throw SandboxFailure.notFound("card number is not in the sandbox inventory")
        }
        guard assignedNumbers[number] == nil else { throw SandboxFailure.state("card number is already assigned") }
        guard user.status != .rejected else { throw SandboxFailure.state("KYC is REJECTED") }
        guard !autoActive || user.status == .passed else {
            throw SandboxFailure.state("autoActive needs KYC PASSED, it is \(user.status.rawValue)")
        }
        let cardID = Self.inventoryCardID(index)
        put(
            SandboxCard(
                cardID: cardID, series: .inventory, index: index, email: email,
                status: autoActive ? .active : .pendingActivation, pinSet: false, balance: .zero, currency: "USD",
                expiryDate: Self.expiry(from: context.platformNow)))
        return .success(JSONObject([("cardID", .string(cardID))]))
    }

    /// ucardActive: needs KYC PASSED and a card waiting for activation. A wrong activation code
    /// (it is the last six digits of the card number) is a business failure (encrypt FAILED).
    mutating func activate(_ fields: Fields) throws -> OperationResult {
        let cardID = try fields.cardID()
        let code = try fields.requiredEnglish("activationCode", of: .activate)
        var card = try card(cardID)
        guard card.status == .pendingActivation else {
            throw SandboxFailure.state("card is \(card.status.rawValue), not waiting for activation")
        }
        let kyc = users[card.email]?.status ?? .waiting
        guard kyc == .passed else { throw SandboxFailure.state("KYC is \(kyc.rawValue), activation needs PASSED") }
        guard code == CardNumbers.activationCode(card.cardNumber) else {
            return .businessFailure(
                JSONObject([
                    ("cardID", .string(cardID)), ("status", .string(card.status.rawValue)),
                    ("reason", .string("activation code does not match")),
                ]))
        }
        card.status = .active
        put(card)
        return .success(JSONObject([("cardID", .string(cardID)), ("status", .string("ACTIVE_PROCESSING"))]))
    }

    /// cardSetPin: six ASCII digits, on an ACTIVE or INACTIVE card.
    mutating func setPin(_ fields: Fields) throws -> OperationResult {
        let cardID = try fields.cardID()
        let pin = try fields.required("pin")
        guard pin.count == 6, pin.allSatisfy(\.isASCIIDigit) else {
            throw SandboxFailure.param("pin", "must be exactly six digits")
        }
        var card = try changeableCard(cardID)
        card.pinSet = true
        put(card)
        return .success(JSONObject([("cardID", .string(cardID))]))
    }

    /// The card `cardID` when it is ACTIVE or INACTIVE, the states whose PIN and status can change.
    /// - Throws: NOT_FOUND for an unknown card, STATE_ERROR for any other state.
    func changeableCard(_ cardID: String) throws -> SandboxCard {
        let card = try card(cardID)
        guard card.status == .active || card.status == .inactive else {
            throw SandboxFailure.state("card is \(card.status.rawValue)")
        }
        return card
    }

    /// Expiry `YYMM` five years after `date`.
    static func expiry(from date: Date) -> String {
        let text = WireTime.text(date)
        let year = Int(text.prefix(4)) ?? 2025
        return padded((year + 5) % 100, 2) + text.dropFirst(5).prefix(2)
    }
}
