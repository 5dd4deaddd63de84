// ucardAssign, ucardActive, cardSetPin, updCardStatus, closeCard: changes to one card.

/// Assigns a physical card number to a KYC'd user (`ucardAssign`).
public struct AssignRequest: APIRequest, Equatable {
    public static let operation = APIOperation.assign
    public typealias Response = CardIDResponse
    public var email, cardNumber: String
    /// True: the card is active at once, with no separate activation.
    public var autoActive: Bool
    public init(email: String, cardNumber: String, autoActive: Bool) {
        self.email = email
        self.cardNumber = cardNumber
        self.autoActive = autoActive
    }
    public var body: JSONObject {
        JSONObject([("email", .string(email)), ("cardNumber", .string(cardNumber)), ("autoActive", .bool(autoActive))])
    }
}

/// Activates an assigned card (`ucardActive`); only after KYC PASSED.
public struct ActivateRequest: APIRequest, Equatable {
    public static let operation = APIOperation.activate
    public typealias Response = CardStatusResponse
    public var cardID, activationCode: String
    public init(cardID: String, activationCode: String) {
        self.cardID = cardID
        self.activationCode = activationCode
    }
    public var body: JSONObject { JSONObject([("cardID", .string(cardID)), ("activationCode", .string(activationCode))]) }
}

/// Sets a card's six-digit PIN (`cardSetPin`).
public struct SetPinRequest: APIRequest, Equatable {
    public static let operation = APIOperation.setPin
    public typealias Response = CardIDResponse
    public var cardID, pin: String
    public init(cardID: String, pin: String) {
        self.cardID = cardID
        self.pin = pin
    }
    public var body: JSONObject { JSONObject([("cardID", .string(cardID)), ("pin", .string(pin))]) }
}

/// Sets a card ACTIVE or INACTIVE (`updCardStatus`).
public struct SetStatusRequest: APIRequest, Equatable {
    public static let operation = APIOperation.setStatus
    public typealias Response = CardStatusResponse
    public var cardID, status: String
    public init(cardID: String, status: String) {
        self.cardID = cardID
        self.status = status
    }
    public var body: JSONObject { JSONObject([("cardID", .string(cardID)), ("status", .string(status))]) }
}

/// Closes a card and refunds its balance (`closeCard`).
public struct CloseRequest: APIRequest, Equatable {
    public static let operation = APIOperation.close
    public typealias Response = CloseResponse
    public var cardID: String
    public init(cardID: String) { self.cardID = cardID }
    public var body: JSONObject { JSONObject([("cardID", .string(cardID))]) }
}

/// A response that carries only the card id.
public struct CardIDResponse: APIResponse, Equatable {
    public var cardID: String?
    public init(body: JSONObject) { cardID = body.text("cardID") }
}

/// A response with the card id and its new status.
public struct CardStatusResponse: APIResponse, Equatable {
    public var cardID, status: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        status = body.text("status")
    }
}

/// The closure result: status `CLOSE_PROCESSING` and the refund.
public struct CloseResponse: APIResponse, Equatable {
    public var cardID, status, refundAmt, currency, txnId: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        status = body.text("status")
        refundAmt = body.text("refundAmt")
        currency = body.text("currency")
        txnId = body.text("txnId")
    }
}
