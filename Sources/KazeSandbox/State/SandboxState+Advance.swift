// SandboxState+Advance: the passage of time — late commits are applied, KYC applications
// settle to PASSED/REJECTED and PENDING recharges settle to SUCCESS (crediting the card) or
// FAILED (money back to the merchant) once their delay has passed.

import Foundation

extension SandboxState {
    /// Settles everything due at `now`. Returns true when anything changed.
    @discardableResult
    mutating func advance(to now: Date) -> Bool {
        var changed = applyLateCommits(dueBy: now)
        for email in unsettledUsers {
            guard let user = users[email], let due = user.settlesAt else {
                unsettledUsers.remove(email)
                continue
            }
            guard due <= now else { continue }
            var settled = user
            settled.status = user.outcome
            settled.settlesAt = nil
            put(settled)
            unsettledUsers.remove(email)
            changed = true
        }
        for index in unsettledTransactions {
            guard let due = transactions[index].settlesAt, due <= now else { continue }
            settleTransaction(at: index)
            changed = true
        }
        return changed
    }

    /// Settles every pending recharge of `cardID` at once (used before a closure refund).
    mutating func settleRecharges(ofCard cardID: String, at now: Date) {
        for index in unsettledTransactions where transactions[index].cardID == cardID {
            settleTransaction(at: index)
        }
    }

    /// Rebuilds the unsettled indexes from the records (after loading a state file).
    mutating func indexUnsettled() {
        unsettledUsers = Set(users.values.filter { $0.settlesAt != nil }.map(\.email))
        unsettledTransactions = transactions.indices.filter { transactions[$0].settlesAt != nil }
    }

    private mutating func settleTransaction(at index: Int) {
        let transaction = transactions[index]
        updateTransaction(at: index) {
            $0.status = transaction.settlesTo
            $0.settlesAt = nil
        }
        unsettledTransactions.removeAll { $0 == index }
        if transaction.settlesTo == .failed {
            moveMerchantMoney(transaction.amount, credit: true)
        } else if var card = cards[transaction.cardID] {
            card.balance = card.balance + transaction.amount
            put(card)
        }
    }
}
