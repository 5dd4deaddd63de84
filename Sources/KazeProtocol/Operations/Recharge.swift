// cardRecharge and queryTransactions: moving money onto a card and finding it again.

/// Credits a card (`cardRecharge`). The amount goes on the wire with the user's digits.
public struct RechargeRequest: APIRequest, Equatable {
    public static let operation = APIOperation.recharge
    public typealias Response = RechargeResponse
    public var cardID: String
    /// ISO 4217 code; the platform defaults to USD when absent.
    public var currency: String?
    public var amount: Amount
    public init(cardID: String, currency: String? = nil, amount: Amount) {
        self.cardID = cardID
        self.currency = currency
        self.amount = amount
    }
    public var body: JSONObject {
        .compact([("cardID", .string(cardID)), ("currency", currency.json), ("amount", amount.json)])
    }
}

/// The recharge result: `transactionStatus` PENDING, SUCCESS or FAILED.
public struct RechargeResponse: APIResponse, Equatable {
    public var cardID, currency, transactionId, transactionStatus, sendAmount: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        currency = body.text("currency")
        transactionId = body.text("transactionId")
        transactionStatus = body.text("transactionStatus")
        sendAmount = body.text("sendAmount")
    }
}

/// Lists a card's transactions (`queryTransactions`); times are `yyyy-MM-dd HH:mm:ss`.
public struct TransactionsRequest: APIRequest, Equatable {
    public static let operation = APIOperation.transactions
    public typealias Response = TransactionsResponse
    public var cardID: String
    public var transactionId: String?
    /// 1...100, platform default 10.
    public var pageSize: Int?
    /// 1...10, platform default 1.
    public var pageNum: Int?
    public var transactionStartTime, transactionEndTime: String?
    public init(
        cardID: String, transactionId: String? = nil, pageSize: Int? = nil, pageNum: Int? = nil,
        transactionStartTime: String? = nil, transactionEndTime: String? = nil
    ) {
        self.cardID = cardID
        self.transactionId = transactionId
        self.pageSize = pageSize
        self.pageNum = pageNum
        self.transactionStartTime = transactionStartTime
        self.transactionEndTime = transactionEndTime
    }
    public var body: JSONObject {
        .compact([
            ("cardID", .string(cardID)), ("transactionId", transactionId.json),
            ("pageSize", pageSize.map { .number(String($0)) }), ("pageNum", pageNum.map { .number(String($0)) }),
            ("transactionStartTime", transactionStartTime.json), ("transactionEndTime", transactionEndTime.json),
        ])
    }
}

/// One page of a card's transactions.
public struct TransactionsResponse: APIResponse, Equatable {
    public var list: [Transaction]
    public init(body: JSONObject) {
        list = (body["list"]?.arrayValue ?? []).compactMap { $0.objectValue.map(Transaction.init(body:)) }
    }
}

/// One transaction as `queryTransactions` lists it. Amounts are the number text sent.
public struct Transaction: Sendable, Equatable {
    public var cardID, transactionId, transactionTime, cardCurrency, cardCurrencyAmt: String?
    public var transCurrency, transCurrencyAmt, feeCurrency, fee, transStatus, transType: String?
    public var merchantName, respCode, respCodeDesc: String?
    public init(body: JSONObject) {
        cardID = body.text("cardID")
        transactionId = body.text("transactionId")
        transactionTime = body.text("transactionTime")
        cardCurrency = body.text("cardCurrency")
        cardCurrencyAmt = body.text("cardCurrencyAmt")
        transCurrency = body.text("transCurrency")
        transCurrencyAmt = body.text("transCurrencyAmt")
        feeCurrency = body.text("feeCurrency")
        fee = body.text("fee")
        transStatus = body.text("transStatus")
        transType = body.text("transType")
        merchantName = body.text("merchantName")
        respCode = body.text("respCode")
        respCodeDesc = body.text("respCodeDesc")
    }
}
