// BatchRequest+Guards: the checks `run` makes before sending — and `plan` makes to forecast
// them: the batch preflight guards, then the validation pass against the repeat guard.

import KazeBatch

extension BatchRequest {
    /// Runs the preflight guards (`--allow-repeat` skips the repeat guard), then validates every
    /// record against what other batches of the file did.
    /// - Throws: `CLIError` with the contract's exit code when a guard refuses or the input is unusable.
    func guardAndValidate(allowRepeat: Bool) async throws
        -> (preflight: BatchPreflight, validation: ValidationSummary, repeats: RepeatFinding?)
    {
        var preflight = BatchPreflight(operation: validation.operation, folder: folder, inputPath: validation.inputPath)
        preflight.allowRepeat = allowRepeat
        let repeatGuard = try await BatchRequest.guarded { [preflight] in try preflight.check() }
        let (summary, repeats) = try validation.validate(against: repeatGuard)
        return (preflight, summary, repeats)
    }
}
