// BatchValidator+ErrorsFile: a whole validation run as `validate`, `plan` and `run` do it —
// every record checked, every issue streamed to the errors CSV, the summary returned, and
// (for a new recharge batch) every valid record compared with what earlier batches paid.

import Foundation

extension BatchValidator {
    /// Validates every record, writes the errors CSV (always, header-only when there are no
    /// errors, so scripts can rely on it) atomically to `errorsURL`, and returns the summary.
    /// - Throws: `InputError` when the input cannot be read or the errors file cannot be written.
    public func validate(writingErrorsTo errorsURL: URL) throws -> ValidationSummary {
        try validate(writingErrorsTo: errorsURL, against: EarlierPayments()).summary
    }

    /// Validates like `validate(writingErrorsTo:)` and, in the same pass, finds the valid
    /// records whose key (card, amount, currency) `earlier` batches already paid or may have.
    /// - Throws: as `validate(writingErrorsTo:)`.
    public func validate(writingErrorsTo errorsURL: URL, against earlier: EarlierPayments) throws
        -> (summary: ValidationSummary, repeats: RepeatFinding?) {
        let errors = try ErrorsFile(url: errorsURL)
        var summary = ValidationSummary(operation: operation)
        var repeats: RepeatFinding?
        let comparing = earlier.count > 0
        try forEachChecked { record in
            summary.add(record)
            if !record.issues.isEmpty { try errors.add(record.issues) }
            if comparing { RepeatFinding.note(record, against: earlier, into: &repeats) }
        }
        try errors.commit()
        return (summary, repeats)
    }
}
