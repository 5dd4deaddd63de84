// BatchValidator+ErrorsFile: a whole validation run as `validate` and `plan` do it — every record
// checked, every issue streamed to the errors CSV, the summary returned.

import Foundation

extension BatchValidator {
    /// Validates every record, writes the errors CSV (always, header-only when there are no
    /// errors, so scripts can rely on it) atomically to `errorsURL`, and returns the summary.
    /// - Throws: `InputError` when the input cannot be read or the errors file cannot be written.
    public func validate(writingErrorsTo errorsURL: URL) throws -> ValidationSummary {
        let errors = try ErrorsFile(url: errorsURL)
        var summary = ValidationSummary(operation: operation)
        try forEachChecked { record in
            summary.add(record)
            if !record.issues.isEmpty { try errors.add(record.issues) }
        }
        try errors.commit()
        return summary
    }
}
