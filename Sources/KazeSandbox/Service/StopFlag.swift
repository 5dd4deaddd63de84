// StopFlag: tells long waits inside handlers (latency, injected timeouts) that the sandbox
// is stopping, so shutdown is never held up by a fault.

import Foundation

/// A thread-safe "stopping" flag with a sleep that ends early when it is raised.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Raises the flag.
    func raise() { lock.withLock { raised = true } }

    /// True once raised.
    var isRaised: Bool { lock.withLock { raised } }

    /// Sleeps `milliseconds`, in short slices, returning early once the flag is raised.
    func sleep(milliseconds: Int) async {
        var left = milliseconds
        while left > 0, !isRaised {
            let slice = min(left, 50)
            try? await Task.sleep(for: .milliseconds(slice))
            left -= slice
        }
    }
}
