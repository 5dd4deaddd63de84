// APIOperation: the 11 operations of the Physical Card API, their apiCodes, batch names
// and what kind of effect each has on the platform.

/// One of the 11 KazePay Physical Card API operations.
public enum APIOperation: String, CaseIterable, Sendable, Hashable {
    case kyc = "setUcardKyc"
    case kycStatus = "queryUcardKycStatus"
    case assign = "ucardAssign"
    case activate = "ucardActive"
    case setPin = "cardSetPin"
    case card = "queryCard"
    case balance = "cardBalance"
    case recharge = "cardRecharge"
    case transactions = "queryTransactions"
    case setStatus = "updCardStatus"
    case close = "closeCard"

    /// The wire `head.apiCode`.
    public var apiCode: String { rawValue }

    /// The `<op>` word used on the command line (`kyc`, `set-pin`, ...).
    public var batchName: String {
        switch self {
        case .kyc: "kyc"
        case .kycStatus: "kyc-status"
        case .assign: "assign"
        case .activate: "activate"
        case .setPin: "set-pin"
        case .card: "card"
        case .balance: "balance"
        case .recharge: "recharge"
        case .transactions: "transactions"
        case .setStatus: "set-status"
        case .close: "close"
        }
    }

    /// Finds an operation by its batch name (`set-pin`) or its apiCode (`cardSetPin`).
    public init?(name: String) {
        guard let found = APIOperation.allCases.first(where: { $0.batchName == name || $0.apiCode == name }) else {
            return nil
        }
        self = found
    }

    /// True for queries that change nothing, so an unknown outcome may simply be retried.
    public var isReadOnly: Bool {
        switch self {
        case .kycStatus, .card, .balance, .transactions: true
        case .kyc, .assign, .activate, .setPin, .recharge, .setStatus, .close: false
        }
    }

    /// True for operations that move money (a repeat would pay twice).
    public var movesMoney: Bool { self == .recharge }

    /// The business fields of the request, in the documented order (from the field table).
    public var requestFields: [String] { FieldTable.fields(of: self).map(\.field) }

    /// The response fields besides `encrypt`, in the documented order.
    public var responseFields: [String] {
        switch self {
        case .kyc, .kycStatus: ["status"]
        case .assign: ["cardID"]
        case .activate: ["cardID", "status"]
        case .setPin: ["cardID"]
        case .card:
            [
                "cardID", "cardNo", "cardCvv", "expiryDate", "currency", "userBankCardStatus", "cardHolderEmail",
                "cardHolderMobileNumber", "cardHolderMobilePrefix", "countryCode", "billingState", "billingCity",
                "billingAddress", "billingZipCode",
            ]
        case .balance: ["cardID", "currency", "avaBalance", "blockBalance"]
        case .recharge: ["cardID", "currency", "transactionId", "transactionStatus", "sendAmount"]
        case .transactions: ["list"]
        case .setStatus: ["cardID", "status"]
        case .close: ["cardID", "status", "refundAmt", "currency", "txnId"]
        }
    }
}
