// RunSummary: the closing account of a run — one outcome per input record (adding up to the
// records), money per currency and outcome, and where the files are.

import Foundation

/// The outcome counts and totals of a batch after a run.
public struct RunSummary: Sendable, Equatable {
    /// Records in the input.
    public var records = 0
    /// Rows per outcome; they add up to `records`.
    public var counts: [RowOutcome: Int] = [:]
    /// FAILED rows by their code.
    public var failureCodes: [String: Int] = [:]
    /// Rows with a request sent in this run.
    public var rowsSent = 0
    /// Recharge money per currency and outcome.
    public var money = MoneyTotals()
    /// Why the run halted early, if it did.
    public var haltReason: String?
    /// Why the run stopped because its journal or audit file could not be written, if it did.
    public var journalStop: JournalStop?
    /// Why the run was stopped early from outside (a signal, the input changing), if it was.
    public var stopReason: StopReason?

    /// An empty summary.
    public init() {}

    /// The rows with `outcome`.
    public func count(_ outcome: RowOutcome) -> Int { counts[outcome] ?? 0 }

    /// How the run ended, most serious first: the journal could not be written; stopped from
    /// outside (a signal, the input changing); halted with rows left unsent; UNKNOWN rows
    /// remain; rows held back behind a row of their subject still in doubt; some FAILED or
    /// INVALID; else succeeded.
    public var verdict: RunVerdict {
        if journalStop != nil { return .journalFailed }
        if let stopReason { return stopReason.verdict }
        if haltReason != nil && count(.skipped) > 0 { return .halted }
        if count(.unknown) > 0 { return .unknownRemain }
        if count(.skipped) > 0 { return .halted }
        if count(.failed) + count(.invalid) > 0 { return .someFailed }
        return .succeeded
    }
}
