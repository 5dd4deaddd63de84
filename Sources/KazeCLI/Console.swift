// Console: writing to stdout and stderr.

import Foundation

/// Output helpers for commands.
enum Console {
    /// Writes one line to stderr, prefixed with `kazebatch: `.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kazebatch: \(message)\n".utf8))
    }

    /// Writes text to stderr as it is.
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// True when stderr is a terminal (for the live progress bar).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
