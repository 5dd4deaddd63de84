// Console: writing to stdout and stderr. Every write goes through SafeText, so no value a
// message carries — a platform detail, an input cell, a column name, a path — can reach the
// terminal as a control sequence; the one exception is the progress bar's own redraw.

import Foundation
import KazeBatch

/// Output helpers for commands.
enum Console {
    /// Where output goes: the process's streams, or the capture of an in-process run.
    @TaskLocal static var streams = ConsoleStreams.standard

    /// Writes one message to stderr, prefixed with `kazebatch: `.
    static func error(_ message: String) {
        streams.err("kazebatch: \(SafeText.lines(message))\n")
    }

    /// Writes text to stderr as it is, but for unsafe characters other than its line breaks.
    static func status(_ text: String) {
        streams.err(SafeText.lines(text))
    }

    /// Redraws the terminal's current stderr line with `line` (carriage return, text, erase to
    /// the end of the line), then a line break when `final`.
    static func redraw(_ line: String, final: Bool) {
        streams.err("\r" + SafeText.lines(line) + "\u{1B}[K" + (final ? "\n" : ""))
    }

    /// Prints text (a report, a help page) to stdout, with unsafe characters other than its
    /// line breaks escaped.
    static func out(_ text: String) {
        streams.out(SafeText.lines(text) + "\n")
    }

    /// Prints one JSON document to stdout, unsafe characters inside its strings written as
    /// `\uXXXX` escapes (the same value, as data).
    static func json(_ text: String) {
        streams.out(SafeText.json(text) + "\n")
    }

    /// True when stderr is a terminal (for the live progress bar).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
