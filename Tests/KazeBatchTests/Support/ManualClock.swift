// ManualClock: a PacingClock whose time moves only when someone sleeps on it, so pacing can
// be checked without real waiting.

import Foundation

@testable import KazeBatch

/// Virtual time: `sleep` advances `now` instantly.
final class ManualClock: PacingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 0

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func sleep(seconds: Double) async {
        guard seconds > 0 else { return }
        lock.withLock { time += seconds }
    }
}
