// RunStartCheck: everything that must hold before a batch sends its first request, in the
// order `run` checks it (and `plan` forecasts it): the batch guards (lock, a running batch of
// the same file, rows another batch of the file did or started), every record valid unless
// invalid ones are skipped, and the confirmed totals. The command line only prints the answer.

import Foundation

/// The checks before a run starts, and their answer.
public struct RunStartCheck: Sendable {
    /// The batch guards (`allowRepeat` set from `--allow-repeat`).
    public var preflight: BatchPreflight
    /// `--confirm-total`, empty when not given.
    public var confirmed: ConfirmedTotals
    /// `--skip-invalid`: invalid records become INVALID rows instead of stopping the run.
    public var skipInvalid: Bool

    /// The checks of one batch.
    public init(preflight: BatchPreflight, confirmed: ConfirmedTotals, skipInvalid: Bool) {
        self.preflight = preflight
        self.confirmed = confirmed
        self.skipInvalid = skipInvalid
    }

    /// What the checks found.
    public enum Answer: Sendable {
        /// The batch may start; `validation` is its validation pass (its invalid records, if
        /// any, are skipped).
        case start(ValidationSummary)
        /// Records are invalid and not skipped: nothing may be sent.
        case invalid(ValidationSummary)
    }

    /// Runs the batch guards, then `validate` (one validation pass against the repeat guard,
    /// writing the errors file), then compares what it found with the rules.
    /// - Throws: the guards' errors (`BatchGuardError`, `JournalError`), what `validate` throws,
    ///   and `RunRefusal` when rows repeat another batch's or the totals are not the confirmed ones.
    public func check(validate: (RepeatGuard) throws -> (summary: ValidationSummary, repeats: RepeatFinding?)) throws -> Answer {
        let repeatGuard = try preflight.check()
        let (validation, repeats) = try validate(repeatGuard)
        if validation.invalid > 0 && !skipInvalid { return .invalid(validation) }
        if let repeats { throw RunRefusal.repeats(repeats, input: preflight.inputPath) }
        if let mismatch = confirmed.mismatch(with: validation) { throw RunRefusal.totals(mismatch) }
        return .start(validation)
    }
}

/// Why a valid batch must not start.
public enum RunRefusal: EngineError, Sendable, Equatable {
    /// Rows another batch of the same file did, may have done, or may still do.
    case repeats(RepeatFinding, input: String)
    /// The batch's totals are not the confirmed ones (what differs).
    case totals(String)

    /// The command does not start.
    public var verdict: RunVerdict { .unusable }

    /// The operator's message, ending in what was (not) sent.
    public var description: String {
        switch self {
        case .repeats(let finding, let input): finding.message(input: input)
        case .totals(let mismatch): "--confirm-total does not match the batch: \(mismatch); nothing was sent"
        }
    }
}
