// SampleAnswers: what the test platform answers for each operation — plausible fields built
// from the request, so a round trip proves both directions.

import KazeProtocol

/// Successful response bodies per operation.
enum SampleAnswers {
    /// `{"encrypt":"SUCCESS", ...}` for `operation`, echoing the request where the platform would.
    static func body(for operation: APIOperation, request: JSONObject) -> JSONObject {
        let cardID = request["cardID"] ?? .string("SB000042")
        var fields: [(String, JSONValue)] = [("encrypt", .string("SUCCESS"))]
        switch operation {
        case .kyc: fields += [("status", .string("WAITING_KYC"))]
        case .kycStatus: fields += [("status", .string("PASSED"))]
        case .assign, .setPin: fields += [("cardID", cardID)]
        case .activate: fields += [("cardID", cardID), ("status", .string("ACTIVE_PROCESSING"))]
        case .card:
            fields += [
                ("cardID", cardID), ("cardNo", .string("4111111111111111")), ("cardCvv", .string("123")),
                ("expiryDate", .string("2812")), ("currency", .string("USD")),
                ("userBankCardStatus", .string("ACTIVE")), ("cardHolderEmail", .string("ann@example.com")),
            ]
        case .balance:
            fields += [
                ("cardID", cardID), ("currency", request["currency"] ?? .string("USD")),
                ("avaBalance", .number("1234.50")), ("blockBalance", .number("0")),
            ]
        case .recharge:
            fields += [
                ("cardID", cardID), ("currency", request["currency"] ?? .string("USD")),
                ("transactionId", .string("TX0001")), ("transactionStatus", .string("SUCCESS")),
                ("sendAmount", .string(request["amount"]?.numberText ?? "")),
            ]
        case .transactions:
            let item = JSONObject([
                ("cardID", cardID), ("transactionId", .string("TX0001")), ("transType", .string("Recharge")),
                ("cardCurrencyAmt", .number("10.50")), ("transStatus", .string("SUCCESS")),
            ])
            fields += [("list", .array([.object(item)]))]
        case .setStatus: fields += [("cardID", cardID), ("status", request["status"] ?? .null)]
        case .close:
            fields += [
                ("cardID", cardID), ("status", .string("CLOSE_PROCESSING")), ("refundAmt", .string("12.00")),
                ("currency", .string("USD")), ("txnId", .string("C0001")),
            ]
        }
        return JSONObject(fields)
    }
}
