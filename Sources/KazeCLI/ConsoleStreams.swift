// ConsoleStreams: where a command's output goes — the process's stdout and stderr, or, for a
// command run in-process by a test, a capture. `CLI.run(_:streams:)` sets them for the whole
// command (a task-local value, so the command's child tasks write there too).

import Foundation

/// The two output streams of a command.
public struct ConsoleStreams: Sendable {
    /// Writes text to standard output.
    public let out: @Sendable (String) -> Void
    /// Writes text to standard error.
    public let err: @Sendable (String) -> Void

    /// Streams writing with `out` and `err`.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's stdout and stderr.
    public static let standard = ConsoleStreams(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })
}
