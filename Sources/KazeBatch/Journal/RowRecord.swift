// RowRecord: everything the journal says about one input row, folded from its entries.

/// The journaled history of one row, as far as execution and outputs need it.
public struct RowRecord: Sendable, Equatable {
    /// 1-based physical input line.
    public let line: Int
    /// The latest state.
    public internal(set) var state: JournalState = .pending
    /// Attempts made over all runs (SENT entries).
    public internal(set) var attempts: Int = 0
    /// The latest requestNo sent.
    public internal(set) var requestNo: String?
    /// Time of the first SENT entry: the start of any reconciliation window.
    public internal(set) var firstSendTime: String?
    /// Time of the latest SENT entry.
    public internal(set) var lastSendTime: String?
    /// True when the latest requestNo went out in an attempt that may have been done.
    public internal(set) var requestNoInDoubt = false
    /// Time of the latest outcome (or retry) entry.
    public internal(set) var outcomeTime: String?
    /// The latest outcome (or retry) code.
    public internal(set) var code: String?
    /// The latest outcome detail.
    public internal(set) var detail: String?
    /// The card (reconciliation key journaled with PENDING).
    public internal(set) var cardID: String?
    /// Recharge amount as written.
    public internal(set) var amount: String?
    /// Recharge currency.
    public internal(set) var currency: String?
    /// The email (kyc).
    public internal(set) var email: String?
    /// The requested status (set-status).
    public internal(set) var target: String?
    /// The user's row reference.
    public internal(set) var ref: String?
    /// Time of the row's latest entry (ISO 8601 UTC times compare as text).
    public internal(set) var lastEventTime: String?
    /// SUCCEEDED: masked response fields.
    public internal(set) var fields: [String: String] = [:]

    /// A row with no history yet.
    public init(line: Int) { self.line = line }

    /// True when a request went out and no outcome was journaled after it (a crash mid-flight),
    /// or the outcome was UNKNOWN: the platform may have acted.
    public var isInDoubt: Bool { state == .sent || state == .unknown }

    /// Keeps `time` as the latest event time when it is later than the one kept.
    mutating func noteTime(_ time: String) {
        if lastEventTime.map({ time > $0 }) ?? true { lastEventTime = time }
    }

    /// Folds one more entry of this row into the record.
    mutating func apply(_ entry: JournalEntry) {
        state = entry.state.rowState
        noteTime(entry.time)
        switch entry.state {
        case .pending:
            cardID = entry.cardID ?? cardID
            amount = entry.amount ?? amount
            currency = entry.currency ?? currency
            email = entry.email ?? email
            target = entry.target ?? target
            ref = entry.ref ?? ref
        case .sent:
            attempts += 1
            if entry.requestNo != requestNo { requestNoInDoubt = false }
            requestNoInDoubt = requestNoInDoubt || entry.requestNoInDoubt == true
            requestNo = entry.requestNo ?? requestNo
            if firstSendTime == nil { firstSendTime = entry.time }
            lastSendTime = entry.time
        case .retry, .succeeded, .failed, .unknown, .settled, .settleFailed:
            code = entry.code
            detail = entry.detail
            outcomeTime = entry.time
            if let fields = entry.fields { self.fields = fields }
        }
    }
}
