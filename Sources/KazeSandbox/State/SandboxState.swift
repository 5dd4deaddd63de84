// SandboxState: everything the simulator knows — users, cards, the unassigned inventory,
// transactions, the merchant's balance, the requestNo memory and the late commits still to
// come. A value type; SandboxEngine guards the one copy.

import Foundation

/// The whole simulated platform state.
struct SandboxState: Sendable, Equatable {
    /// Users by email (as given, case-sensitive).
    var users: [String: SandboxUser] = [:]
    /// Cards by cardID.
    var cards: [String: SandboxCard] = [:]
    /// cardID of each assigned card number.
    var assignedNumbers: [String: String] = [:]
    /// Size of the inventory series (numbers 1...inventorySize can be assigned).
    var inventorySize: Int
    /// All transactions, oldest first.
    var transactions: [SandboxTransaction] = []
    /// Money available for recharges.
    var merchantBalance: Cents
    /// The last card sequence number used for a cardID (`SB000001` is 1).
    var lastCardSequence = 0
    /// The last transaction sequence number used.
    var lastTransactionSequence = 0
    /// With `--dedupe replay|reject`: what each requestNo asked (and answered).
    var requests: [String: RememberedRequest] = [:]
    /// Operations accepted with a late commit, not yet applied, in acceptance order.
    var lateCommits: [LateCommit] = []
    /// Emails of users still waiting to settle (a subset of `users`).
    var unsettledUsers: Set<String> = []
    /// Indices into `transactions` of recharges still PENDING.
    var unsettledTransactions: [Int] = []
    /// The run's settings (not saved).
    var rules: PlatformRules
    /// What changed since the operation log's last entry.
    var changes = StateChanges()

    init(inventorySize: Int, merchantBalance: Cents, rules: PlatformRules) {
        self.inventorySize = inventorySize
        self.merchantBalance = merchantBalance
        self.rules = rules
    }

    /// The cardID of inventory card number `index`: `SBI` + at least six digits of the index,
    /// so a sample file can name the card an assignment will create, whatever the order.
    static func inventoryCardID(_ index: Int) -> String { "SBI" + padded(index, 6) }

    /// A new cardID for a preset card, `SB` + at least six digits.
    mutating func nextCardID() -> String {
        lastCardSequence += 1
        changes.totals = true
        return "SB" + Self.padded(lastCardSequence, 6)
    }

    /// A new transaction id, `SBT` + at least twelve digits.
    mutating func nextTransactionId() -> String {
        lastTransactionSequence += 1
        changes.totals = true
        return "SBT" + Self.padded(lastTransactionSequence, 12)
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
