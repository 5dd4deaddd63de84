// TerminationSignals: catches SIGINT and SIGTERM from the moment it is created, so a
// long-running command (`kazebatch sandbox`) can stop cleanly even when the signal comes
// before it starts waiting. Signal handling is the executable's business: the libraries
// install none, and the sandbox is simply stopped (`Sandbox.stop()`) when this returns.

import Foundation

/// Watches for the process's first SIGINT or SIGTERM.
///
/// ```swift
/// let signals = TerminationSignals()   // before announcing readiness
/// ...
/// _ = await signals.wait()
/// ```
final class TerminationSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var received: Int32?
    private var waiter: CheckedContinuation<Int32, Never>?

    /// Stops SIGINT and SIGTERM from killing the process and starts watching for them.
    init() {
        sources = StopSignals.watch { [weak self] in self?.deliver($0) }
    }

    deinit { sources.forEach { $0.cancel() } }

    /// Returns the first signal's number, at once if it already arrived.
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let ready: Int32? = lock.withLock {
                if let received { return received }
                waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func deliver(_ number: Int32) {
        let continuation: CheckedContinuation<Int32, Never>? = lock.withLock {
            guard received == nil else { return nil }
            received = number
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume(returning: number)
    }
}
