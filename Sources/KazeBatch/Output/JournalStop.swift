// JournalStop: a run stopped because its journal (or its audit file) could not be written —
// disk full, an I/O error, a file-size limit. No request goes out after the failure; the
// requests already out finish and their answers are journaled where the disk still allows.

/// Why and how far a run got before its journal or audit file could not be written.
public struct JournalStop: EngineError, Sendable, Equatable {
    /// A run stopped by its journal or audit file.
    public var verdict: RunVerdict { .journalFailed }

    /// "the journal" or "the audit file".
    public let file: String
    /// The failure, naming the path (`journal /s/b/journal.jsonl: File too large`).
    public let reason: String
    /// The requests that went out in this run (SENT entries journaled).
    public internal(set) var requests: Int
    /// Why the results file could not be written either, when it could not.
    public var resultsProblem: String?

    /// The stop caused by `failure` (a `JournalError` or an `AuditError`) after `requests`
    /// requests went out.
    init(failure: any Error, requests: Int) {
        file = failure is AuditError ? "the audit file" : "the journal"
        reason = "\(failure)"
        self.requests = requests
    }

    public var description: String {
        var text =
            "stopped: \(file) could not be written (\(reason)); \(requests) request\(requests == 1 ? "" : "s") went out"
            + " in this run and no more were sent. Free the disk and run the same command again: it reconciles the rows"
            + " that were cut off first and never sends a journaled request twice"
        if let resultsProblem { text += "; the results file could not be written either (\(resultsProblem))" }
        return text
    }
}
