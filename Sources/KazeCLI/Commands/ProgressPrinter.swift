// ProgressPrinter: the run's progress on stderr — on a terminal a live bar that fits its width
// (re-read on SIGWINCH) with done/total, rate, ETA and money so far; otherwise one line every
// --progress-interval seconds and one at the end; nothing with --quiet. No colour is used.

import Foundation
import KazeBatch
import KazeProtocol
import KazeSync

/// Draws progress; safe to call from any task.
///
/// `@unchecked Sendable`: the SIGWINCH source (a Dispatch object, not `Sendable`) is set once in
/// `init` and only cancelled in `deinit`; everything that changes is in the `Locked` box.
final class ProgressPrinter: @unchecked Sendable {
    private let live: Bool
    private let enabled: Bool
    private let interval: Double
    private let drawing: Locked<Drawing>
    private var resize: (any DispatchSourceSignal)?

    /// The last snapshot, when it was drawn, and the terminal's width.
    private struct Drawing {
        var last: RunProgress?
        var lastDrawn = Date.distantPast
        var lastLine = Date()
        var columns: Int
    }

    /// - Parameters:
    ///   - quiet: print nothing.
    ///   - terminal: stderr is a terminal (live bar) rather than a file or pipe.
    ///   - interval: seconds between progress lines off a terminal.
    init(quiet: Bool, terminal: Bool, interval: Double = 30) {
        enabled = !quiet
        live = terminal
        self.interval = interval
        drawing = Locked(Drawing(columns: Self.columns(of: 2) ?? 80))
        guard enabled, live else { return }
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self, let width = Self.columns(of: 2) else { return }
            self.drawing.withLock { $0.columns = width }
        }
        source.resume()
        resize = source
    }

    deinit { resize?.cancel() }

    /// Takes a new snapshot; redraws the bar at most ten times a second, or writes a line
    /// every `interval` seconds off a terminal.
    func update(_ progress: RunProgress) {
        guard enabled else { return }
        drawing.withLock { drawing in
            drawing.last = progress
            guard live else {
                guard Date().timeIntervalSince(drawing.lastLine) >= interval else { return }
                drawing.lastLine = Date()
                Console.status(ProgressPrinter.line(progress) + "\n")
                return
            }
            guard Date().timeIntervalSince(drawing.lastDrawn) >= 0.1 || progress.done == progress.total else { return }
            drawing.lastDrawn = Date()
            Console.redraw(ProgressPrinter.bar(progress, columns: drawing.columns), final: false)
        }
    }

    /// Ends the bar (terminal) or prints the closing line (otherwise).
    func finish() {
        guard enabled else { return }
        drawing.withLock { drawing in
            guard let last = drawing.last else { return }
            if live {
                Console.redraw(ProgressPrinter.bar(last, columns: drawing.columns), final: true)
            } else {
                Console.status(ProgressPrinter.line(last) + "\n")
            }
        }
    }

    /// `[#####.....] 120/200  49.8 req/s  ETA 0:02  USD 300.00  ok 118 failed 1 unknown 1`, at
    /// most `columns - 1` characters: the counts go first when it is narrow, then the bar shrinks.
    static func bar(_ progress: RunProgress, columns: Int) -> String {
        let text =
            "\(progress.done)/\(progress.total)  " + String(format: "%.1f req/s", progress.rate) + "  \(eta(progress))"
            + money(progress)
        let counts = "  ok \(progress.succeeded) failed \(progress.failed) unknown \(progress.unknown)"
        let room = columns - 1
        let tail = text.count + counts.count + 13 <= room ? text + counts : text
        let width = min(40, room - tail.count - 3)
        guard width >= 10 else { return String(tail.prefix(room)) }
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + tail
    }

    /// `progress 120/200 rows in 4.0 s (50.1 req/s), ETA 0:02, USD 300.00: ok 118 failed 1 unknown 1`
    static func line(_ progress: RunProgress) -> String {
        "progress \(progress.done)/\(progress.total) rows in " + String(format: "%.1f s (%.1f req/s)", progress.elapsed, progress.rate)
            + ", \(eta(progress))" + money(progress).replacingOccurrences(of: "  ", with: ", ")
            + ": ok \(progress.succeeded) failed \(progress.failed) unknown \(progress.unknown)"
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return "\(total / 60):" + String(format: "%02d", total % 60)
    }

    /// The terminal's width in columns at `descriptor`, if it is a terminal that knows it.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    private static func eta(_ progress: RunProgress) -> String {
        progress.eta.map { "ETA \(clock($0))" } ?? "ETA --"
    }

    /// `  USD 300.00  EUR 12.50`: the money of the rows that succeeded in this run.
    private static func money(_ progress: RunProgress) -> String {
        progress.moneySucceeded.keys.sorted().map { "  \($0) \(MoneyText.twoDecimals(progress.moneySucceeded[$0] ?? 0))" }.joined()
    }
}
