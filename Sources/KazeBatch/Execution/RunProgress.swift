// RunProgress: what the progress bar shows — rows finished so far, by outcome, money, and pace.

import Foundation

/// A snapshot of a run in progress.
public struct RunProgress: Sendable, Equatable {
    /// Rows this run will try to finish (known after the validation pass).
    public var total: Int
    /// Rows finished in this run.
    public var done = 0
    /// Rows SUCCEEDED in this run.
    public var succeeded = 0
    /// Rows FAILED in this run.
    public var failed = 0
    /// Rows left UNKNOWN (so far) in this run.
    public var unknown = 0
    /// Requests sent in this run (including retries and reconciliation reads).
    public var requests = 0
    /// Money of the rows SUCCEEDED in this run, per currency (recharges).
    public var moneySucceeded: [String: Decimal] = [:]
    /// Seconds since the run started sending.
    public var elapsed: Double = 0

    /// An empty snapshot for `total` rows.
    public init(total: Int) { self.total = total }

    /// Requests per second so far.
    public var rate: Double { elapsed > 0 ? Double(requests) / elapsed : 0 }

    /// Seconds left at the current row pace, when it can be told.
    public var eta: Double? {
        guard done > 0, elapsed > 0, total > done else { return nil }
        return Double(total - done) * elapsed / Double(done)
    }
}
