// StateChanges: which records the operations since the last log entry touched, so the
// operation log can write just those (as they are now) instead of the whole state.

/// The keys of the records changed since the last `SandboxState.takeChanges()`.
struct StateChanges: Sendable, Equatable {
    var users: Set<String> = []
    var cards: Set<String> = []
    /// Indices into `transactions` (new ones included).
    var transactions: Set<Int> = []
    /// requestNos whose memory changed.
    var requests: Set<String> = []
    /// True when the list of late commits changed.
    var lateCommits = false
    /// True when the merchant balance or an id counter changed.
    var totals = false

    /// True when nothing changed.
    var isEmpty: Bool {
        users.isEmpty && cards.isEmpty && transactions.isEmpty && requests.isEmpty && !lateCommits && !totals
    }
}
