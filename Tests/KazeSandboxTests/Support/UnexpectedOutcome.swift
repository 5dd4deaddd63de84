// UnexpectedOutcome: a client call that a test needed to succeed did not.

import KazeClient
import KazeProtocol

/// Thrown by test helpers when a call's outcome is not SUCCESS.
struct UnexpectedOutcome: Error, CustomStringConvertible {
    let outcome: CallResult
    var description: String { "unexpected outcome \(outcome)" }
}
