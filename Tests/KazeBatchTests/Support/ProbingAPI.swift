// ProbingAPI: a platform that runs a probe before each call, so a test can look at the state
// dir (locks, batch.json) while a run is sending.

import KazeClient
import KazeProtocol

/// A platform that runs `probe` before each call, to look at the state dir while a run sends.
struct ProbingAPI: CardAPI {
    let platform: FakePlatform
    let probe: @Sendable () -> Void

    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        probe()
        return await platform.call(operation, body: body, requestNo: requestNo)
    }
}
