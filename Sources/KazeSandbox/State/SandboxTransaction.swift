// SandboxTransaction: one money movement on a card — a recharge (PENDING, then SUCCESS or
// FAILED), the refund of a closure, or a preset purchase — as queryTransactions and the state
// view list it.

import Foundation

/// What kind of movement a transaction is (`transType`).
enum TransactionType: String, Sendable {
    case recharge = "Recharge"
    case closeRefund = "CloseRefund"
    /// A card purchase (`--purchases`): a negative card amount.
    case expenditure = "Expenditure"
}

/// The status of a transaction (`transStatus`).
enum TransactionStatus: String, Sendable {
    case pending = "PENDING"
    case success = "SUCCESS"
    case failed = "FAILED"
}

/// The merchant side of a purchase: where it was spent, in which currency, with what fee.
struct PurchaseDetails: Sendable, Equatable {
    var merchantName: String
    /// The currency the merchant charged.
    var transCurrency: String
    /// The charged amount in `transCurrency`, negative, as written (`-1234`, `-56.10`).
    var transAmountText: String
    /// The fee in the card currency (`0.00` for purchases in the card currency).
    var feeText: String
}

/// One transaction, in the order it was committed.
struct SandboxTransaction: Sendable, Equatable {
    var transactionId: String
    var cardID: String
    var type: TransactionType
    /// The amount's magnitude (purchases are debits: `amountText` carries the sign).
    var amount: Cents
    /// The amount exactly as the request wrote it (recharges); the refund text, or the negative
    /// purchase amount, otherwise.
    var amountText: String
    var currency: String
    var status: TransactionStatus
    /// The platform clock's reading at commit (`transactionTime`).
    var time: Date
    /// The real moment of the commit.
    var committedAt: Date
    /// When a PENDING recharge settles; `nil` once settled.
    var settlesAt: Date?
    /// What a PENDING recharge settles to (SUCCESS, or FAILED with `--recharge-fail-rate`).
    var settlesTo: TransactionStatus
    /// The requestNo that created it; empty for preset purchases.
    var requestNo: String
    /// Merchant details of a purchase; `nil` for the platform's own transactions.
    var purchase: PurchaseDetails?
}
