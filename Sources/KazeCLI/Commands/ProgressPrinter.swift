// ProgressPrinter: the run's progress on stderr — a live bar with rate and ETA on a
// terminal, one line at the end otherwise, nothing with --quiet.

import Foundation
import KazeBatch

/// Draws progress; safe to call from any task.
final class ProgressPrinter: @unchecked Sendable {
    private let live: Bool
    private let enabled: Bool
    private let lock = NSLock()
    private var last: RunProgress?
    private var lastDrawn = Date.distantPast

    /// - Parameters:
    ///   - quiet: print nothing.
    ///   - terminal: stderr is a terminal (live bar) rather than a file or pipe.
    init(quiet: Bool, terminal: Bool) {
        enabled = !quiet
        live = terminal
    }

    /// Takes a new snapshot; redraws the bar at most ten times a second.
    func update(_ progress: RunProgress) {
        guard enabled else { return }
        lock.withLock {
            last = progress
            guard live, Date().timeIntervalSince(lastDrawn) >= 0.1 || progress.done == progress.total else { return }
            lastDrawn = Date()
            Console.status("\r" + ProgressPrinter.bar(progress) + "\u{1B}[K")
        }
    }

    /// Ends the bar (terminal) or prints the one summary line (otherwise).
    func finish() {
        guard enabled else { return }
        lock.withLock {
            guard let last else { return }
            Console.status(live ? "\r" + ProgressPrinter.bar(last) + "\u{1B}[K\n" : ProgressPrinter.line(last) + "\n")
        }
    }

    /// `[#####.....] 120/200  49.8 req/s  ETA 0:02  ok 118 failed 1 unknown 1`
    static func bar(_ progress: RunProgress, width: Int = 24) -> String {
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let eta = progress.eta.map { "ETA \(clock($0))" } ?? "ETA --"
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(progress.done)/\(progress.total)  " + String(format: "%.1f req/s", progress.rate) + "  \(eta)  "
            + "ok \(progress.succeeded) failed \(progress.failed) unknown \(progress.unknown)"
    }

    /// `sent 200 rows in 4.0 s (50.1 req/s): ok 198 failed 1 unknown 1`
    static func line(_ progress: RunProgress) -> String {
        "sent \(progress.done) rows in " + String(format: "%.1f s (%.1f req/s)", progress.elapsed, progress.rate)
            + ": ok \(progress.succeeded) failed \(progress.failed) unknown \(progress.unknown)"
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return "\(total / 60):" + String(format: "%02d", total % 60)
    }
}
