// CallRecorder: the platform client as the batch engine sees it during a `call`, keeping the
// last answer to the call's own operation so the command can print it (reads made by
// reconciliation are passed through unrecorded).

import Foundation
import KazeClient
import KazeProtocol
import KazeSync

/// A `CardAPI` that forwards to another and remembers the last outcome of one operation.
final class CallRecorder: CardAPI, Sendable {
    private let api: any CardAPI
    private let operation: APIOperation
    private let recorded = Locked<(outcome: CallResult, requestNo: String)?>(nil)

    /// Forwards to `api`, recording the calls of `operation`.
    init(_ api: any CardAPI, recording operation: APIOperation) {
        self.api = api
        self.operation = operation
    }

    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        let outcome = await api.call(operation, body: body, requestNo: requestNo)
        if operation == self.operation { recorded.withLock { $0 = (outcome, requestNo) } }
        return outcome
    }

    var platformClock: PlatformClock? { api.platformClock }

    /// The last outcome of the recorded operation and its requestNo, if it was sent.
    var last: (outcome: CallResult, requestNo: String)? { recorded.withLock { $0 } }
}
