// SandboxState+Changes: the only ways operations change records — each also notes the change
// for the operation log — and the log entry that carries the changed records.

import KazeProtocol

extension SandboxState {
    /// Stores `user` (new or changed).
    mutating func put(_ user: SandboxUser) {
        users[user.email] = user
        changes.users.insert(user.email)
    }

    /// Stores `card` (new or changed) and its number's assignment.
    mutating func put(_ card: SandboxCard) {
        cards[card.cardID] = card
        assignedNumbers[card.cardNumber] = card.cardID
        changes.cards.insert(card.cardID)
    }

    /// Appends a new transaction.
    mutating func append(_ transaction: SandboxTransaction) {
        transactions.append(transaction)
        changes.transactions.insert(transactions.count - 1)
    }

    /// Changes the transaction at `index` in place.
    mutating func updateTransaction(at index: Int, _ change: (inout SandboxTransaction) -> Void) {
        change(&transactions[index])
        changes.transactions.insert(index)
    }

    /// Adds `amount` to the merchant balance (negative: takes it).
    mutating func moveMerchantMoney(_ amount: Cents, credit: Bool) {
        merchantBalance = credit ? merchantBalance + amount : merchantBalance - amount
        changes.totals = true
    }

    /// The changes since the last call, forgetting them.
    mutating func takeChanges() -> StateChanges {
        defer { changes = StateChanges() }
        return changes
    }

    /// The log entry number `sequence` holding the records in `changed` as they are now, the
    /// totals and counters (always), and the late commits when they changed.
    func logEntry(_ sequence: Int, _ changed: StateChanges) -> JSONValue {
        var entry = JSONObject([
            ("seq", .number(String(sequence))), ("merchantBalance", .string(merchantBalance.text)),
            ("lastCardSequence", .number(String(lastCardSequence))),
            ("lastTransactionSequence", .number(String(lastTransactionSequence))),
        ])
        if !changed.users.isEmpty { entry["users"] = .array(changed.users.sorted().compactMap { users[$0].map { .object($0.json) } }) }
        if !changed.cards.isEmpty { entry["cards"] = .array(changed.cards.sorted().compactMap { cards[$0].map { .object($0.json) } }) }
        if !changed.transactions.isEmpty {
            entry["transactions"] = .array(
                changed.transactions.sorted().map { index in
                    var item = transactions[index].json(rules.clock)
                    item["index"] = .number(String(index))
                    return .object(item)
                })
        }
        if !changed.requests.isEmpty {
            entry["requests"] = .array(
                changed.requests.sorted().compactMap { requestNo in
                    requests[requestNo].map { .object($0.json(requestNo)) }
                })
        }
        if changed.lateCommits { entry["lateCommits"] = .array(lateCommits.map { .object($0.json) }) }
        return .object(entry)
    }
}
