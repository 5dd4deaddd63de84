// queryCard and cardBalance: read-only card queries.

/// Reads a card's details (`queryCard`).
public struct CardRequest: APIRequest, Equatable {
    public static let operation = APIOperation.card
    public typealias Response = CardResponse
    public var cardID: String
    public init(cardID: String) { self.cardID = cardID }
    public var body: JSONObject { JSONObject([("cardID", .string(cardID))]) }
}

/// A card's details. `cardNo` is the full number and `cardCvv` a secret: mask or drop
/// them before anything is written out.
public struct CardResponse: APIResponse, Equatable {
    public var cardID, cardNo, cardCvv, expiryDate, currency, userBankCardStatus: String?
    public var cardHolderEmail, cardHolderMobileNumber, cardHolderMobilePrefix: String?
    public var countryCode, billingState, billingCity, billingAddress, billingZipCode: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        cardNo = body.text("cardNo")
        cardCvv = body.text("cardCvv")
        expiryDate = body.text("expiryDate")
        currency = body.text("currency")
        userBankCardStatus = body.text("userBankCardStatus")
        cardHolderEmail = body.text("cardHolderEmail")
        cardHolderMobileNumber = body.text("cardHolderMobileNumber")
        cardHolderMobilePrefix = body.text("cardHolderMobilePrefix")
        countryCode = body.text("countryCode")
        billingState = body.text("billingState")
        billingCity = body.text("billingCity")
        billingAddress = body.text("billingAddress")
        billingZipCode = body.text("billingZipCode")
    }
}

/// Reads a card's balance (`cardBalance`); currency defaults to USD at the platform.
public struct BalanceRequest: APIRequest, Equatable {
    public static let operation = APIOperation.balance
    public typealias Response = BalanceResponse
    public var cardID: String
    public var currency: String?
    public init(cardID: String, currency: String? = nil) {
        self.cardID = cardID
        self.currency = currency
    }
    public var body: JSONObject { .compact([("cardID", .string(cardID)), ("currency", currency.json)]) }
}

/// A card's available and blocked balance, as the number text the platform sent.
public struct BalanceResponse: APIResponse, Equatable {
    public var cardID, currency, avaBalance, blockBalance: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        currency = body.text("currency")
        avaBalance = body.text("avaBalance")
        blockBalance = body.text("blockBalance")
    }
}
