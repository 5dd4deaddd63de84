// BatchForecast: what `run` would do with a batch now, from its records and its journal (read
// only, no lock): rows it would send (new ones and ones journaled without a request out), FAILED
// rows it would send again with --retry-failed, in-doubt rows it would reconcile first, finished
// rows it would skip, and the money of what it would send.

import KazeProtocol

/// A dry run of a batch against its journal.
public struct BatchForecast: Sendable {
    /// Valid records with no journal entry, or journaled without a request out (PENDING, RETRY).
    public private(set) var toSend = 0
    /// FAILED rows: sent again with `--retry-failed`, else left as they are.
    public private(set) var failed = 0
    /// True when the FAILED rows would be sent again (`--retry-failed`).
    public private(set) var resendsFailed = false
    /// Rows journaled as sent without an outcome, or UNKNOWN: reconciled (read) first (for
    /// read-only operations they count as to send).
    public private(set) var inDoubt = 0
    /// SUCCEEDED rows: skipped.
    public private(set) var finished = 0
    /// Invalid records: never sent.
    public private(set) var invalid = 0
    /// The records that would be sent (new, resumed, and FAILED ones with --retry-failed), for
    /// their count and money per currency.
    public private(set) var sending: ValidationSummary

    /// Reads `source` once, classifying every record by its journal state in `journal` (nil:
    /// no journal yet) under `options`' resend flags.
    /// - Throws: what reading `source` throws.
    public init(operation: APIOperation, source: any BatchSource, journal: JournalIndex?, options: ExecutionOptions) throws {
        sending = ValidationSummary(operation: operation)
        var forecast = self
        forecast.resendsFailed = options.retryFailed
        try source.forEachRecord { record in
            guard case .valid = record else {
                forecast.invalid += 1
                return
            }
            let state = journal?.summary(record.line)?.state
            let inDoubt = !operation.isReadOnly && (state == .sent || state == .unknown)  // reads are simply sent again
            switch state {
            case _ where inDoubt: forecast.inDoubt += 1
            case .succeeded?: forecast.finished += 1
            case .failed?: forecast.failed += 1
            default: forecast.toSend += 1
            }
            if !inDoubt, options.sends(state, operation: operation) { forecast.sending.add(record) }
        }
        self = forecast
    }

    /// The plan lines for an operator.
    public var report: [String] {
        var lines = [
            "  would send  \(sending.valid) request\(sending.valid == 1 ? "" : "s") (\(toSend) not sent before"
                + (resendsFailed && failed > 0 ? ", \(failed) FAILED sent again (--retry-failed)" : "") + ")"
        ]
        if failed > 0 && !resendsFailed {
            lines.append("  failed      \(failed) FAILED row\(failed == 1 ? "" : "s") left as they are (--retry-failed sends them again)")
        }
        if inDoubt > 0 {
            lines.append(
                "  reconcile   \(inDoubt) row\(inDoubt == 1 ? "" : "s") in doubt (cut off or UNKNOWN), read first, not sent as new")
        }
        if finished > 0 { lines.append("  skip        \(finished) finished row\(finished == 1 ? "" : "s") (SUCCEEDED)") }
        if invalid > 0 { lines.append("  not sent    \(invalid) invalid record\(invalid == 1 ? "" : "s") (see the errors file)") }
        for total in sending.totalsText { lines.append("  money       \(total) in what would be sent") }
        return lines
    }
}
