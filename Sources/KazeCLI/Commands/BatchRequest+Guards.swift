// BatchRequest+Guards: the checks `run` makes before sending — and `plan` makes to forecast
// them: the batch preflight guards, then the validation pass against the repeat guard.

import KazeBatch

extension BatchRequest {
    /// The checks before this batch starts, from the command's flags.
    /// - Throws: `CLIError` when `--confirm-total` cannot be read.
    func startCheck(_ arguments: Arguments) async throws -> RunStartCheck {
        var preflight = BatchPreflight(operation: validation.operation, folder: folder, inputPath: validation.inputPath)
        preflight.allowRepeat = arguments.flag("allow-repeat")
        let confirmed = try await BatchRequest.guarded { try ConfirmedTotals(arguments.values["confirm-total"] ?? []) }
        return RunStartCheck(preflight: preflight, confirmed: confirmed, skipInvalid: arguments.flag("skip-invalid"))
    }
}
