// BatchValidator+ErrorsFile: a whole validation run as `validate`, `plan` and `run` do it —
// every record checked, every issue streamed to the errors CSV, the summary returned, and
// (for `run`) every valid record compared with what other batches of the same file did.

import Foundation

extension BatchValidator {
    /// Validates every record, writes the errors CSV (always, header-only when there are no
    /// errors, so scripts can rely on it) atomically to `errorsURL`, and returns the summary.
    /// - Throws: `InputError` when the input cannot be read or the errors file cannot be written.
    public func validate(writingErrorsTo errorsURL: URL) throws -> ValidationSummary {
        try validate(writingErrorsTo: errorsURL, against: RepeatGuard(operation: operation, resuming: false)).summary
    }

    /// Validates like `validate(writingErrorsTo:)` and, in the same pass, finds the valid
    /// records whose subject (`RepeatSubject`) other batches in `repeatGuard` did or started.
    /// - Throws: as `validate(writingErrorsTo:)`.
    public func validate(writingErrorsTo errorsURL: URL, against repeatGuard: RepeatGuard) throws
        -> (summary: ValidationSummary, repeats: RepeatFinding?)
    {
        let errors = try ErrorsFile(url: errorsURL)
        var summary = ValidationSummary(operation: operation)
        var repeats: RepeatFinding?
        let comparing = repeatGuard.count > 0
        try forEachChecked { record in
            summary.add(record)
            if !record.issues.isEmpty { try errors.add(record.issues) }
            if comparing { RepeatFinding.note(record, against: repeatGuard, into: &repeats) }
        }
        try errors.commit()
        return (summary, repeats)
    }
}
