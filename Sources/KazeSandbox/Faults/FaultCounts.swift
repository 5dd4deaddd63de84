// FaultCounts: how many faults of each kind the sandbox really injected, so a test can assert
// that a fault happened rather than assume it.

import Foundation
import KazeProtocol

/// Thread-safe counters of injected faults.
final class FaultCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [FaultKind: Int] = [:]

    /// Counts one fault of `kind`.
    func record(_ kind: FaultKind) { lock.withLock { counts[kind, default: 0] += 1 } }

    /// Every kind with its count (zero included), in declaration order.
    var json: JSONValue {
        let snapshot = lock.withLock { counts }
        return .object(JSONObject(FaultKind.allCases.map { ($0.rawValue, .number(String(snapshot[$0] ?? 0))) }))
    }
}
