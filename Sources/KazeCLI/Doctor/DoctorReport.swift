// DoctorReport: the lines of one `doctor` run, printed as they are found.

import Foundation

/// Collects and prints doctor's findings; any failure makes the exit status 1.
final class DoctorReport: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [DoctorLine] = []

    /// Prints `line` at once and keeps it.
    func add(_ line: DoctorLine) {
        Console.out(line.text)
        lock.withLock { lines.append(line) }
    }

    /// True when a check failed.
    var failed: Bool { lock.withLock { lines.contains { $0.mark == .fail } } }

    /// Everything found so far.
    var findings: [DoctorLine] { lock.withLock { lines } }
}
