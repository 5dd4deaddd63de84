// StopFlag: tells long waits inside handlers (latency, injected timeouts) that the sandbox
// is stopping, so shutdown is never held up by a fault.

import Foundation
import KazeSync

/// A thread-safe "stopping" flag with a sleep that ends early when it is raised.
final class StopFlag: Sendable {
    private let raised = Locked(false)

    /// Raises the flag.
    func raise() { raised.withLock { $0 = true } }

    /// True once raised.
    var isRaised: Bool { raised.withLock { $0 } }

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
