// Executor: sends a batch's rows — streamed from the input, paced by the rate limiter,
// at most `concurrency` in flight — journaling every step before it happens, retrying
// only what provably did nothing, and reconciling what may have been done.

import Foundation
import KazeProtocol

/// Runs one batch against the platform. One executor per run.
public actor Executor {
    /// The batch's operation.
    public let operation: APIOperation
    /// The batch id (journal folder name, audit `batch` column).
    public let batchID: String
    let api: any CardAPI
    let journal: Journal
    let options: ExecutionOptions
    let limiter: RateLimiter
    let policy: RetryPolicy
    let clock: any PacingClock
    let makeRequestNo: @Sendable () -> String
    let onProgress: (@Sendable (RunProgress) -> Void)?
    /// The journal as it stands, kept current as the run goes.
    public private(set) var index: JournalIndex
    /// Why the run stopped sending new rows, if it did.
    public private(set) var haltReason: String?
    var breaker: CircuitBreaker
    var progress = RunProgress(total: 0)
    var started: Double = 0
    /// Per subject, the last input line ever sent (filled for resends of held operations).
    var latestSendPerSubject: [String: Int] = [:]
    /// Reads the platform to decide in-doubt rows.
    let reconciler: Reconciler
    /// The transactions other batches of the state dir own (see `StateDirClaims`).
    let otherClaims: StateDirClaims
    /// Where the measured platform clock is recorded (the batch folder's clock.json), if anywhere.
    let clockRecordPath: String?
    /// The platform offset learned from one of the batch's own confirmed recharges, once.
    var transactionOffset: PlatformOffset?
    /// True once the batch's confirmed recharges were searched for a clock measurement.
    var searchedTransactionOffset = false
    /// The clock.json text last written.
    var lastClockRecord: String?
    /// What `settle` found, once it ran.
    public internal(set) var settleTally: SettleTally?
    /// A request to stop early (a signal, the input changing); nil: none can come.
    let stopRequest: StopRequest?
    /// The first journal or audit write failure: the run stops.
    private var storageFailure: JournalStop?
    /// SENT entries journaled in this run.
    private var requestsSent = 0

    /// - Parameters:
    ///   - index: the journal read back before the run (see `JournalIndex.load`).
    ///   - makeRequestNo: a fresh unique requestNo per call (`RequestNumber.make`).
    ///   - onProgress: called after every finished row.
    ///   - otherClaims: the transactions other batches of the state dir own.
    ///   - clockRecordPath: where to record the measured platform clock (nil: nowhere).
    ///   - stopRequest: checked before each row starts: once set, no new row starts.
    public init(
        operation: APIOperation, batchID: String, api: any CardAPI, journal: Journal,
        index: JournalIndex, options: ExecutionOptions, clock: any PacingClock = SystemPacingClock(),
        makeRequestNo: @escaping @Sendable () -> String, onProgress: (@Sendable (RunProgress) -> Void)? = nil,
        otherClaims: StateDirClaims = StateDirClaims(), clockRecordPath: String? = nil,
        stopRequest: StopRequest? = nil
    ) {
        self.operation = operation
        self.batchID = batchID
        self.api = api
        self.journal = journal
        self.options = options
        self.index = index
        self.clock = clock
        self.makeRequestNo = makeRequestNo
        self.onProgress = onProgress
        limiter = RateLimiter(rate: options.rate, burst: options.burst, clock: clock)
        policy = RetryPolicy(
            maxAttempts: options.maxAttempts, baseDelay: options.retryBaseDelay,
            maxDelay: options.retryMaxDelay, random: RandomSource(seed: options.seed))
        breaker = CircuitBreaker(maxFailures: options.maxFailures, window: options.breakerWindow, ratio: options.breakerRatio)
        reconciler = Reconciler(
            operation: operation, api: api, limiter: limiter, makeRequestNo: makeRequestNo,
            options: options, clock: clock)
        self.otherClaims = otherClaims
        self.clockRecordPath = clockRecordPath
        self.stopRequest = stopRequest
    }

    /// True once the run was asked to stop; notes it as the halt reason the first time it is
    /// seen, so no new row starts and the summary tells why.
    var stopRequested: Bool {
        guard let reason = stopRequest?.reason else { return false }
        if haltReason == nil { haltReason = reason.description }
        return true
    }

    /// True when the row at `line` is to be sent in this run, given its journal history.
    public func needsSending(_ line: Int) -> Bool {
        options.sends(index.summary(line)?.state, operation: operation)
    }

    /// How many journaled rows are not to be sent in this run (see `needsSending`).
    public func rowsNotToSend() -> Int {
        index.rows.reduce(0) { $0 + (needsSending($1.line) ? 0 : 1) }
    }

    /// `process(record)`, except that once the journal cannot be written the row ends where
    /// it got to without ending the rows in flight beside it (`journalStop` tells why).
    func processUntilStopped(_ record: ValidRecord) async throws {
        do { try await process(record) } catch  where storageFailure != nil {}
    }

    /// Appends `entry` to the journal with its audit event (all but PENDING) in the same
    /// group commit, and folds it into the index; card, amount and currency come from the
    /// input `record` or, when reconciling, from the journaled `row`. Once the journal or the
    /// audit file could not be written (`journalStop`), no new row starts and nothing more is
    /// sent: only the outcomes of requests already out are still journaled.
    /// - Throws: `JournalStop` for an entry that would lead to a send after the stop,
    ///   `JournalError` when the journal cannot be written.
    func commit(_ entry: JournalEntry, ref: String, record: ValidRecord?, row: RowRecord? = nil) async throws {
        if let journalStop, !entry.state.isOutcome { throw journalStop }
        var entry = entry
        if entry.state == .pending, entry.cardID == nil { entry.maskedCardNumber = record.flatMap(auditCard) }
        let event =
            entry.state == .pending
            ? nil
            : AuditRow(
                entry, batch: batchID, operation: operation, ref: ref, card: record.flatMap(auditCard) ?? row?.cardID ?? "",
                amount: record?.amount?.text ?? row?.amount ?? "", currency: record?.currency ?? row?.currency ?? "",
                email: record?.body.text("email") ?? row?.email, target: record?.body.text("status") ?? row?.target)
        let offset: UInt64
        do { offset = try await journal.append(entry, audit: event) } catch {
            stop(because: error)
            throw error
        }
        try index.apply(entry, at: offset)
        if entry.state == .sent { requestsSent += 1 }
        if let failure = journal.auditFailure { stop(because: failure) }
    }

    /// Why the run stopped early because its journal or audit file could not be written, and
    /// how many requests went out in it; nil while both are written.
    public var journalStop: JournalStop? {
        storageFailure.map { stop in
            var stop = stop
            stop.requests = requestsSent
            return stop
        }
    }

    func stop(because failure: any Error) {
        guard storageFailure == nil else { return }
        let stop = JournalStop(failure: failure, requests: requestsSent)
        storageFailure = stop
        if haltReason == nil { haltReason = "\(stop.file) could not be written" }
    }

    private func auditCard(_ record: ValidRecord) -> String? {
        if let cardID = record.cardID { return cardID }
        return record.body.text("cardNumber").map(Masking.cardNumber)
    }

    /// Counts one finished row for progress and the circuit breaker, with its `money`
    /// (amount, currency) when it moves money.
    func count(_ state: JournalState, money: (amount: Decimal, currency: String)? = nil) {
        progress.done += 1
        switch state {
        case .succeeded:
            progress.succeeded += 1
            breaker.record(failed: false)
            if let money { progress.moneySucceeded[money.currency, default: 0] += money.amount }
        case .failed:
            progress.failed += 1
            breaker.record(failed: true)
        default: progress.unknown += 1
        }
        if haltReason == nil, let reason = breaker.reason { haltReason = reason }
        progress.elapsed = clock.now() - started
        onProgress?(progress)
    }
}
