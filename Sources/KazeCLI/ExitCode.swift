// ExitCode: the process exit-code contract of docs/DESIGN.md.

import Foundation
import KazeBatch

/// How a kazebatch command ends, as a process exit status.
public enum ExitCode: Int32, Sendable {
    /// All records succeeded (or the command did what it was asked).
    case success = 0
    /// Finished, but some records FAILED or were INVALID (or one call failed).
    case someFailed = 1
    /// Usage, configuration or unreadable input.
    case usage = 2
    /// Validation errors; nothing was sent.
    case validation = 3
    /// Halted early by --max-failures or the circuit breaker.
    case halted = 4
    /// Records with UNKNOWN outcome remain.
    case unknownRemain = 5
    /// The batch is locked by another run.
    case locked = 6
    /// Stopped: the journal (or the audit file) could not be written.
    case journalFailed = 7
    /// Stopped because the input file changed while the batch ran: rows in flight finished,
    /// results written for the batch's own bytes.
    case inputChanged = 8
    /// Stopped by SIGINT: rows in flight finished, results written; run again to resume.
    case interrupted = 130
    /// Stopped by SIGTERM: rows in flight finished, results written; run again to resume.
    case terminated = 143

    /// The exit status of `verdict`: the one place where the engine's words become numbers.
    public init(_ verdict: RunVerdict) {
        switch verdict {
        case .succeeded: self = .success
        case .someFailed: self = .someFailed
        case .unusable: self = .usage
        case .invalidInput: self = .validation
        case .halted: self = .halted
        case .unknownRemain: self = .unknownRemain
        case .locked: self = .locked
        case .journalFailed: self = .journalFailed
        case .inputChanged: self = .inputChanged
        case .stopped(let signal): self = signal == SIGTERM ? .terminated : .interrupted
        }
    }
}
