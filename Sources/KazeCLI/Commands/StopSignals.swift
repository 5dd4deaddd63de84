// StopSignals: SIGINT and SIGTERM turned from "end the process" into events, for the commands
// that stop cleanly (`run`, `reconcile`, `sandbox`). Only the executable's layer does this:
// the libraries install no signal handling.

import Foundation

/// Watching the two stop signals.
enum StopSignals {
    /// Ignores SIGINT and SIGTERM's default action and calls `handler` (on a global queue)
    /// with the number of each one received, for as long as the returned sources live.
    static func watch(_ handler: @escaping @Sendable (Int32) -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// What SIGINT and SIGTERM do now, to be put back by `restore` — so a command run in-process
    /// (`CLI.run`) does not leave its caller ignoring them, nor the processes the caller starts
    /// later (an ignored signal stays ignored across exec).
    static func saved() -> [(number: Int32, action: sigaction)] {
        [SIGINT, SIGTERM].map { number in
            var action = sigaction()
            sigaction(number, nil, &action)
            return (number, action)
        }
    }

    /// Puts back the dispositions `saved()` returned.
    static func restore(_ saved: [(number: Int32, action: sigaction)]) {
        for var entry in saved { sigaction(entry.number, &entry.action, nil) }
    }
}
