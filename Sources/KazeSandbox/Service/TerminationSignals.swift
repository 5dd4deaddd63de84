// TerminationSignals: waits for SIGINT or SIGTERM without the default "die now" handling,
// so a long-running command can stop cleanly.

import Foundation

/// Waits for the process's first SIGINT or SIGTERM.
public enum TerminationSignals {
    /// Suspends until SIGINT or SIGTERM arrives and returns its number.
    /// Both signals stop killing the process once this is called.
    public static func wait() async -> Int32 {
        let watcher = SignalWatcher()
        return await withCheckedContinuation { continuation in
            watcher.start { continuation.resume(returning: $0) }
        }
    }
}

/// Holds the dispatch signal sources and resumes the waiter exactly once.
private final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var done = false

    func start(_ resume: @escaping @Sendable (Int32) -> Void) {
        lock.withLock {
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in
                    if finish() { resume(number) }
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// True the first time only; cancels the sources.
    private func finish() -> Bool {
        lock.withLock {
            guard !done else { return false }
            done = true
            sources.forEach { $0.cancel() }
            return true
        }
    }
}
