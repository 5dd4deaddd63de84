// RowSummary: what the journal index keeps in memory about one row — its state and attempts.

/// The in-memory view of one journaled row; the rest is read back from the journal
/// (`JournalIndex.record`).
public struct RowSummary: Sendable, Equatable {
    /// 1-based physical input line.
    public let line: Int
    /// The latest state.
    public let state: JournalState
    /// Attempts made over all runs (SENT entries).
    public let attempts: Int

    /// True when a request went out without a journaled outcome, or the outcome was UNKNOWN.
    public var isInDoubt: Bool { state == .sent || state == .unknown }
}
