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

    /// The process's stdout and stderr. A stream nobody reads any more (a closed pipe) loses the
    /// text; it never stops the command.
    public static let standard = ConsoleStreams(out: { write($0, to: STDOUT_FILENO) }, err: { write($0, to: STDERR_FILENO) })

    /// Writes all of `text` with write(2), retrying when interrupted; gives up on any other error.
    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            done += written
        }
    }
}
