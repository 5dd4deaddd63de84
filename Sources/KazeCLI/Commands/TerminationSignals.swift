// TerminationSignals: catches SIGINT and SIGTERM from the moment it is created, so a
// long-running command (`kazebatch sandbox`) can stop cleanly even when the signal comes
// before it starts waiting. Signal handling is the executable's business: the libraries
// install none, and the sandbox is simply stopped (`Sandbox.stop()`) when this returns.

import Foundation
import KazeSync

/// Watches for the process's first SIGINT or SIGTERM.
///
/// ```swift
/// let signals = TerminationSignals()   // before announcing readiness
/// ...
/// _ = await signals.wait()
/// ```
///
/// `@unchecked Sendable`: the signal sources (Dispatch objects, not `Sendable`) are set once in
/// `init` and only cancelled in `deinit`; the signal and its waiter are in a `Locked` box.
final class TerminationSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let delivery = Locked(Delivery())

    /// The first signal, and who waits for it.
    private struct Delivery {
        var received: Int32?
        var waiter: CheckedContinuation<Int32, Never>?
    }

    /// Stops SIGINT and SIGTERM from killing the process and starts watching for them.
    init() {
        sources = StopSignals.watch { [weak self] in self?.deliver($0) }
    }

    deinit { sources.forEach { $0.cancel() } }

    /// Returns the first signal's number, at once if it already arrived.
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let ready: Int32? = delivery.withLock { delivery in
                if let received = delivery.received { return received }
                delivery.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func deliver(_ number: Int32) {
        let continuation: CheckedContinuation<Int32, Never>? = delivery.withLock { delivery in
            guard delivery.received == nil else { return nil }
            delivery.received = number
            defer { delivery.waiter = nil }
            return delivery.waiter
        }
        continuation?.resume(returning: number)
    }
}
