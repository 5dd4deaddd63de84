// DoctorReport: the lines of one `doctor` run, printed as they are found.

import Foundation
import KazeSync

/// Collects and prints doctor's findings; any failure makes the exit status 1.
final class DoctorReport: Sendable {
    private let lines = Locked<[DoctorLine]>([])

    /// Prints `line` at once and keeps it.
    func add(_ line: DoctorLine) {
        Console.out(line.text)
        lines.withLock { $0.append(line) }
    }

    /// True when a check failed.
    var failed: Bool { lines.withLock { $0.contains { $0.mark == .fail } } }

    /// Everything found so far.
    var findings: [DoctorLine] { lines.withLock { $0 } }
}
