// Counter: a thread-safe count of the requests a test server answered.

import Foundation

/// Counts the requests a server answered.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// The count before this call, then counts one more.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
    var count: Int { lock.withLock { value } }
}
