// ResponseSlot: hands a handler's answer from its Task to the waiting connection thread.

import Foundation

/// A one-shot, lock-guarded box: the Task fills it, the connection thread takes it.
final class ResponseSlot: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var response: HTTPResponse?

    /// Stores the answer and wakes the waiter.
    func fill(_ value: HTTPResponse) {
        lock.withLock { response = value }
        ready.signal()
    }

    /// Blocks until the answer is there and returns it.
    func take() -> HTTPResponse {
        ready.wait()
        return lock.withLock { response } ?? HTTPResponse.text(status: 500, "no response")
    }
}
