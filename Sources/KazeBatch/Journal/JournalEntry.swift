// JournalEntry: one line of the journal — a state change of one input row, with what
// reconciliation and the results file need later. Never holds a PIN, CVV, image or a full
// card number.

/// One journal line (JSON).
public struct JournalEntry: Sendable, Equatable {
    /// 1-based physical input line of the row.
    public var line: Int
    /// The new state.
    public var state: JournalState
    /// UTC time of the change, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`.
    public var time: String
    /// The attempt number this entry belongs to (1-based; 0 for PENDING).
    public var attempt: Int
    /// The request number of this attempt (SENT and the outcomes that follow it).
    public var requestNo: String?
    /// The platform code or a kazebatch code (`TIMEOUT`, `RECONCILED`, ...) for outcomes.
    public var code: String?
    /// Operator-readable detail for outcomes.
    public var detail: String?
    /// Recharge: the card, amount text and currency (PENDING), for reconciliation.
    public var cardID: String?
    /// Recharge amount exactly as written.
    public var amount: String?
    /// Recharge currency.
    public var currency: String?
    /// The email (kyc, kyc-status), for reconciliation through a read.
    public var email: String?
    /// The state asked for (set-status), for reconciliation through a read.
    public var target: String?
    /// The user's row reference (PENDING), for audit rows written during reconciliation.
    public var ref: String?
    /// The card number masked to first 6 + last 4 (PENDING of a row without a cardID, as
    /// assign's), for its audit rows written from the journal.
    public var maskedCardNumber: String?
    /// SUCCEEDED: the operation's response fields, already masked, secrets left out.
    public var fields: [String: String]?
    /// SENT: true when this requestNo already went out in an attempt that may have been done
    /// (a resend of an in-doubt row keeps its requestNo), so a `DUPLICATE_REQUEST` answer
    /// leaves the row in doubt instead of proving anything.
    public var requestNoInDoubt: Bool?

    /// An entry with only the always-present members set.
    public init(line: Int, state: JournalState, time: String, attempt: Int, requestNo: String? = nil) {
        self.line = line
        self.state = state
        self.time = time
        self.attempt = attempt
        self.requestNo = requestNo
    }
}
