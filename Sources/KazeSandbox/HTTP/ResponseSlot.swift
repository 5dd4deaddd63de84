// ResponseSlot: hands a handler's answer from its Task to the waiting connection thread.

import Foundation
import KazeSync

/// A one-shot, lock-guarded box: the Task fills it, the connection thread takes it.
final class ResponseSlot: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let response = Locked<HTTPResponse?>(nil)

    /// Stores the answer and wakes the waiter.
    func fill(_ value: HTTPResponse) {
        response.withLock { $0 = value }
        ready.signal()
    }

    /// Blocks until the answer is there and returns it.
    func take() -> HTTPResponse {
        ready.wait()
        return response.withLock { $0 } ?? HTTPResponse.text(status: 500, "no response")
    }
}
