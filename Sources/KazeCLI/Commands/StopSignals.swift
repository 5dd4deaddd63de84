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
}
