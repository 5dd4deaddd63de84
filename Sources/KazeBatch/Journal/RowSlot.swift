// RowSlot: the compact per-row value of the journal index — 32 bytes holding the row's state,
// its attempt count, the journal offsets of its PENDING, first SENT, last SENT and latest
// outcome (or RETRY) entries, and a tag of the recharge transaction its success claims.

/// One journaled row, packed into four words: each word's low 40 bits are a byte offset into
/// the journal (a journal of up to 1 TiB), its high 24 bits carry the state, the attempts or
/// half of the 48-bit claim tag.
struct RowSlot: Sendable, Equatable {
    /// The first offset that cannot be stored; it also marks "no such entry".
    static let offsetLimit: UInt64 = (1 << 40) - 1
    private static let low: UInt64 = (1 << 40) - 1
    private static let maxAttempts: UInt64 = (1 << 24) - 1

    private var pendingWord: UInt64 = offsetLimit  // offset | state code << 40
    private var firstSentWord: UInt64 = offsetLimit  // offset | attempts << 40
    private var lastSentWord: UInt64 = offsetLimit  // offset | claim tag high half << 40
    private var outcomeWord: UInt64 = offsetLimit  // offset | claim tag low half << 40

    /// False for a line never journaled.
    var isJournaled: Bool { pendingWord >> 40 != 0 }

    /// The latest state (`.pending` for a line never journaled).
    var state: JournalState {
        let code = Int(pendingWord >> 40)
        return code == 0 ? .pending : JournalState.allCases[code - 1]
    }

    /// SENT entries seen (saturates at 16,777,215).
    var attempts: Int { Int(firstSentWord >> 40) }

    /// Offset of the PENDING entry.
    var pendingOffset: UInt64? { RowSlot.offset(pendingWord) }
    /// Offset of the first SENT entry.
    var firstSentOffset: UInt64? { RowSlot.offset(firstSentWord) }
    /// Offset of the latest SENT entry.
    var lastSentOffset: UInt64? { RowSlot.offset(lastSentWord) }
    /// Offset of the latest RETRY or outcome entry.
    var outcomeOffset: UInt64? { RowSlot.offset(outcomeWord) }

    /// The 48-bit tag of the claimed transaction id (see `TransactionClaims.tag`), 0 for none.
    var claimTag: UInt64 { (lastSentWord >> 40) << 24 | outcomeWord >> 40 }

    /// Folds in an entry of `state` written at `offset` (below `offsetLimit`); `claim` is the
    /// tag of the transaction a SUCCEEDED entry claims.
    /// A settle event is stored as the row state it leaves (`JournalState.rowState`).
    mutating func apply(_ event: JournalState, at offset: UInt64, claim: UInt64?) {
        let state = event.rowState
        let code = UInt64(JournalState.allCases.firstIndex(of: state) ?? 0) + 1
        pendingWord = (pendingWord & RowSlot.low) | code << 40
        switch state {
        case .pending:
            pendingWord = offset | code << 40
        case .sent:
            let attempts = min(UInt64(self.attempts) + 1, RowSlot.maxAttempts)
            let first = RowSlot.offset(firstSentWord) ?? offset
            firstSentWord = first | attempts << 40
            lastSentWord = offset | (lastSentWord & ~RowSlot.low)
        case .retry, .succeeded, .failed, .unknown, .settled, .settleFailed:
            outcomeWord = offset | (outcomeWord & ~RowSlot.low)
        }
        if let claim {
            lastSentWord = (lastSentWord & RowSlot.low) | (claim >> 24) << 40
            outcomeWord = (outcomeWord & RowSlot.low) | (claim & 0xFF_FFFF) << 40
        }
    }

    private static func offset(_ word: UInt64) -> UInt64? {
        let value = word & low
        return value == offsetLimit ? nil : value
    }
}
