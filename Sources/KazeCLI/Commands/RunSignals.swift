// RunSignals: how `run` and `reconcile` answer SIGINT and SIGTERM. The first asks the run to
// stop (no new row starts; rows in flight finish and are journaled; results and summary are
// written; exit 130/143). A second one exits at once: the journal is exact either way, and
// the temporary output files of this process are removed first.

import Foundation
import KazeBatch
import KazeSync

/// Catches SIGINT and SIGTERM for the life of one batch command.
///
/// `@unchecked Sendable`: the signal sources (Dispatch objects, not `Sendable`) are made in
/// `init` and only cancelled after; whether a signal came is in a `Locked` box.
final class RunSignals: @unchecked Sendable {
    /// Set by the first signal; hand it to the runner.
    let stopRequest: StopRequest
    private let outputs: [String]
    private let quiet: Bool
    private var sources: [any DispatchSourceSignal] = []
    private let signalled = Locked(false)

    /// Starts catching the signals.
    /// - Parameters:
    ///   - outputs: the output files this run may be writing (their temporary files are removed
    ///     on an immediate exit).
    ///   - quiet: no stderr note on the first signal.
    init(stopRequest: StopRequest, outputs: [String], quiet: Bool) {
        self.stopRequest = stopRequest
        self.outputs = outputs
        self.quiet = quiet
        sources = StopSignals.watch { [weak self] in self?.received($0) }
    }

    deinit { stop() }

    /// Stops watching (the command is done; the signals stay caught until it exits).
    func stop() { sources.forEach { $0.cancel() } }

    private func received(_ number: Int32) {
        let first = signalled.withLock { signalled in
            defer { signalled = true }
            return !signalled
        }
        guard first else {
            outputs.forEach { TemporaryOutputs.remove(besides: $0, pid: getpid()) }
            Console.error("stopped at once by a second signal; the journal is exact: run the same command again to resume")
            _exit(128 + number)
        }
        stopRequest.request(.signal(number))
        if !quiet {
            Console.status("\n")
            Console.error(
                "\(StopReason.name(of: number)): no new row starts; finishing the requests in flight, then writing"
                    + " the results (send the signal again to stop at once)")
        }
    }
}
