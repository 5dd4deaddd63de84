// Console: writing to stdout and stderr. Every write goes through SafeText, so no value a
// message carries — a platform detail, an input cell, a column name, a path — can reach the
// terminal as a control sequence; the one exception is the progress bar's own redraw.

import Foundation
import KazeBatch

/// Output helpers for commands.
enum Console {
    /// Writes one message to stderr, prefixed with `kazebatch: `.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kazebatch: \(SafeText.lines(message))\n".utf8))
    }

    /// Writes text to stderr as it is, but for unsafe characters other than its line breaks.
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(SafeText.lines(text).utf8))
    }

    /// Redraws the terminal's current stderr line with `line` (carriage return, text, erase to
    /// the end of the line), then a line break when `final`.
    static func redraw(_ line: String, final: Bool) {
        FileHandle.standardError.write(Data(("\r" + SafeText.lines(line) + "\u{1B}[K" + (final ? "\n" : "")).utf8))
    }

    /// Prints text (a report, a help page) to stdout, with unsafe characters other than its
    /// line breaks escaped.
    static func out(_ text: String) {
        print(SafeText.lines(text))
    }

    /// Prints one JSON document to stdout, unsafe characters inside its strings written as
    /// `\uXXXX` escapes (the same value, as data).
    static func json(_ text: String) {
        print(SafeText.json(text))
    }

    /// True when stderr is a terminal (for the live progress bar).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
