// SeenErrors: the errors thrown by probes that run inside other tasks, collected for a test
// to assert on afterwards.

import Foundation

/// The errors thrown by probes, collected across tasks.
final class SeenErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [any Error] = []

    var errors: [any Error] { lock.withLock { seen } }

    func note(_ body: () throws -> Void) {
        do { try body() } catch { lock.withLock { seen.append(error) } }
    }
}
