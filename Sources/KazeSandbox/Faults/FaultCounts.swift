// FaultCounts: how many faults of each kind the sandbox really injected, so a test can assert
// that a fault happened rather than assume it.

import Foundation
import KazeProtocol
import KazeSync

/// Thread-safe counters of injected faults.
final class FaultCounts: Sendable {
    private let counts = Locked<[FaultKind: Int]>([:])

    /// Counts one fault of `kind`.
    func record(_ kind: FaultKind) { counts.withLock { $0[kind, default: 0] += 1 } }

    /// Every kind with its count (zero included), in declaration order.
    var json: JSONValue {
        let snapshot = counts.withLock { $0 }
        return .object(JSONObject(FaultKind.allCases.map { ($0.rawValue, .number(String(snapshot[$0] ?? 0))) }))
    }
}
