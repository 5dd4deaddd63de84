// StatePersister: writes the `--state` file in the background — at most every 200 ms while the
// state keeps changing, and once more at stop — so persisting never costs a full rewrite per call.

import Foundation

/// Periodically saves the engine's state when it changed.
final class StatePersister: @unchecked Sendable {
    private let file: StateFile
    private let engine: SandboxEngine
    private let interval: TimeInterval
    /// Serializes writes, so a later snapshot is never overwritten by an earlier one.
    private let writeLock = NSLock()
    private let lock = NSLock()
    private var lastError: SandboxStateError?
    private var running = false
    private let finished = DispatchSemaphore(value: 0)

    init(file: StateFile, engine: SandboxEngine, interval: TimeInterval = 0.2) {
        self.file = file
        self.engine = engine
        self.interval = interval
    }

    /// The last write error, `nil` after a successful write.
    var persistenceError: SandboxStateError? { lock.withLock { lastError } }

    /// Writes the state now if it changed.
    func flush() {
        writeLock.withLock {
            guard let snapshot = engine.takeIfDirty() else { return }
            let outcome: SandboxStateError?
            do {
                try file.save(snapshot)
                outcome = nil
            } catch let error as SandboxStateError {
                outcome = error
            } catch {
                outcome = SandboxStateError(path: file.path, problem: "\(error)")
            }
            lock.withLock { lastError = outcome }
        }
    }

    /// Starts the background loop (once).
    func start() {
        guard lock.withLock({ () -> Bool in
            defer { running = true }
            return !running
        }) else { return }
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                Thread.sleep(forTimeInterval: interval)
                flush()
            }
            finished.signal()
        }
        thread.name = "sandbox-state"
        thread.start()
    }

    /// Ends the loop (waiting for it) and writes the last changes.
    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { running = false }
            return running
        }
        if wasRunning { finished.wait() }
        flush()
    }
}
