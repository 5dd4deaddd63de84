// SandboxCard: one assigned physical card — its number series, holder, status, PIN flag and
// balance in cents.

import Foundation

/// The life cycle of a sandbox card (`userBankCardStatus` in queryCard).
enum CardStatus: String, Sendable {
    /// Assigned with `autoActive` false; needs `ucardActive`.
    case pendingActivation = "PENDING_ACTIVATION"
    case active = "ACTIVE"
    case inactive = "INACTIVE"
    case closed = "CLOSED"
}

/// A card that belongs to a user.
struct SandboxCard: Sendable, Equatable {
    var cardID: String
    var series: CardSeries
    var index: Int
    var email: String
    var status: CardStatus
    var pinSet: Bool
    /// Available balance (credited when a recharge turns SUCCESS).
    var balance: Cents
    var currency: String
    /// Expiry as `YYMM`.
    var expiryDate: String

    /// The full 16-digit number (never logged; the state view masks it).
    var cardNumber: String { CardNumbers.number(series, index) }
}
