// SandboxTransaction: one money movement on a card — a recharge (PENDING then SUCCESS) or
// the refund of a closure — as queryTransactions and the state view list it.

import Foundation

/// What kind of movement a transaction is (`transType`).
enum TransactionType: String, Sendable, Codable {
    case recharge = "Recharge"
    case closeRefund = "CloseRefund"
}

/// The status of a transaction (`transStatus`).
enum TransactionStatus: String, Sendable, Codable {
    case pending = "PENDING"
    case success = "SUCCESS"
}

/// One transaction, in the order it was committed.
struct SandboxTransaction: Sendable, Equatable {
    var transactionId: String
    var cardID: String
    var type: TransactionType
    var amount: Cents
    /// The amount exactly as the request wrote it (recharges); the refund text otherwise.
    var amountText: String
    var currency: String
    var status: TransactionStatus
    var time: Date
    /// When a PENDING recharge turns SUCCESS; `nil` once settled.
    var settlesAt: Date?
    /// The requestNo that created it.
    var requestNo: String
}
