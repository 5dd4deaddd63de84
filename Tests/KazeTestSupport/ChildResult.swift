// ChildResult: how a child `kazebatch` process ended and what it wrote.

import Foundation

/// The exit status, the way it ended and the captured output of a finished child process.
public struct ChildResult: Sendable {
    /// The exit code, or the signal number when `reason` is `.uncaughtSignal`.
    public let status: Int32
    /// Whether it exited or was ended by a signal.
    public let reason: Process.TerminationReason
    /// Everything written to stdout (UTF-8).
    public let stdout: String
    /// Everything written to stderr (UTF-8).
    public let stderr: String
    /// True when it outlived its time limit and was killed.
    public let timedOut: Bool
}
