// RunVerdict: how a command of the engine ends, in words. The command line turns each verdict
// into its exit status in one switch (`ExitCode.init(_:)` in KazeCLI); nothing below it deals
// in numbers.

/// How a run, reconcile, settle or call ended.
public enum RunVerdict: Sendable, Equatable {
    /// Every record succeeded (or the command did what it was asked).
    case succeeded
    /// Finished, but some records FAILED or were INVALID.
    case someFailed
    /// The command could not start: usage, configuration, unreadable input or outputs.
    case unusable
    /// Validation found errors; nothing was sent.
    case invalidInput
    /// Stopped sending early (`--max-failures`, the circuit breaker), or rows were held back
    /// behind an earlier row of their subject that is in doubt.
    case halted
    /// Records whose outcome is UNKNOWN remain.
    case unknownRemain
    /// Another run holds the batch, or another batch of the same file is running.
    case locked
    /// The journal or the audit file could not be written.
    case journalFailed
    /// The input file changed while its batch ran.
    case inputChanged
    /// Stopped by a signal (SIGINT, SIGTERM: the number) after the rows in flight finished.
    case stopped(signal: Int32)
}

/// An error of the engine that knows how the command meeting it ends, so the command line
/// needs no table of error types.
public protocol EngineError: Error, CustomStringConvertible {
    /// The verdict of a command that stops on this error.
    var verdict: RunVerdict { get }
}
