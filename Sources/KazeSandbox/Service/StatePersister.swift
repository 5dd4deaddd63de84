// StatePersister: compacts the operation log into the `--state` snapshot in the background —
// once the sandbox has been quiet for 2 s, or while busy when the log has grown to a quarter of
// the state (at least 4096 entries), so rewriting the whole state costs O(1) per operation —
// and once more at stop. Writing the snapshot happens outside the engine's lock.

import Foundation
import KazeSync

/// Periodically folds the operation log into the snapshot.
final class StatePersister: Sendable {
    private let file: StateFile
    private let engine: SandboxEngine
    private let log: OperationLog
    /// Serializes compactions, so a later snapshot is never overwritten by an earlier one.
    private let writeLock = NSLock()
    private let status = Locked(Status())
    private let finished = DispatchSemaphore(value: 0)

    /// The last compaction's error, and whether the background loop runs.
    private struct Status {
        var lastError: SandboxStateError?
        var running = false
    }

    init(file: StateFile, engine: SandboxEngine, log: OperationLog) {
        self.file = file
        self.engine = engine
        self.log = log
    }

    /// The last error writing the snapshot or the log, `nil` when all went well.
    var persistenceError: SandboxStateError? { status.withLock { $0.lastError } ?? engine.persistenceError }

    /// Writes a snapshot now if anything was logged since the last one (or `always`).
    func compact(always: Bool = false) {
        writeLock.withLock {
            guard let (state, lastEntry) = engine.beginCompaction(always: always) else { return }
            let outcome: SandboxStateError?
            do {
                try file.save(state, lastEntry: lastEntry)
                log.dropSetAside()
                outcome = nil
            } catch let error as SandboxStateError {
                outcome = error
            } catch {
                outcome = SandboxStateError(path: file.path, problem: "\(error)")
            }
            status.withLock { $0.lastError = outcome }
        }
    }

    /// Starts the background loop (once).
    func start() {
        guard
            status.withLock({ status -> Bool in
                defer { status.running = true }
                return !status.running
            })
        else { return }
        let thread = Thread { [self] in
            var quietTicks = 0
            var lastEntries = 0
            while status.withLock({ $0.running }) {
                Thread.sleep(forTimeInterval: 0.2)
                let backlog = engine.backlog
                quietTicks = backlog.entries == lastEntries ? quietTicks + 1 : 0
                lastEntries = backlog.entries
                if backlog.entries > 0 && (quietTicks >= 10 || backlog.entries >= max(4096, backlog.records / 4)) {
                    compact()
                    quietTicks = 0
                    lastEntries = 0
                }
            }
            finished.signal()
        }
        thread.name = "sandbox-state"
        thread.start()
    }

    /// Ends the loop (waiting for it) and writes the last changes into the snapshot.
    func stop() {
        let wasRunning = status.withLock { status -> Bool in
            defer { status.running = false }
            return status.running
        }
        if wasRunning { finished.wait() }
        compact()
    }
}
