// SandboxState+Advance: the passage of time — KYC applications settle to PASSED/REJECTED and
// PENDING recharges settle to SUCCESS (crediting the card) once their delay has passed.

import Foundation

extension SandboxState {
    /// Settles everything due at `now`. Returns true when anything changed.
    @discardableResult
    mutating func advance(to now: Date) -> Bool {
        var changed = false
        for (email, user) in users {
            guard let due = user.settlesAt, due <= now else { continue }
            users[email]?.status = user.outcome
            users[email]?.settlesAt = nil
            changed = true
        }
        for index in transactions.indices {
            guard let due = transactions[index].settlesAt, due <= now else { continue }
            settleTransaction(at: index)
            changed = true
        }
        return changed
    }

    /// Settles every pending recharge of `cardID` at once (used before a closure refund).
    mutating func settleRecharges(ofCard cardID: String, at now: Date) {
        for index in transactions.indices where transactions[index].cardID == cardID && transactions[index].settlesAt != nil {
            settleTransaction(at: index)
        }
    }

    private mutating func settleTransaction(at index: Int) {
        let transaction = transactions[index]
        transactions[index].status = .success
        transactions[index].settlesAt = nil
        if var card = cards[transaction.cardID] {
            card.balance = card.balance + transaction.amount
            cards[transaction.cardID] = card
        }
    }
}
