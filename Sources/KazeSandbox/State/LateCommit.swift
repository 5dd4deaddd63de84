// LateCommit: an operation accepted with `--late-commit-rate` — its connection was dropped at
// once, and it commits at `dueAt`. Kept (and saved) without its secrets: they were checked when
// it was accepted, and it runs with stand-ins the sandbox's state would not record anyway.

import Foundation
import KazeProtocol

/// An accepted operation waiting to commit.
struct LateCommit: Sendable, Equatable {
    var operation: APIOperation
    var requestNo: String
    /// The decrypted body, secrets redacted (`SecretFields`).
    var body: JSONObject
    /// The requestNo memory digest (with `--dedupe` on), else `nil`.
    var digest: String?
    var acceptedAt: Date
    /// The real moment it commits.
    var dueAt: Date
    /// A recharge that will settle to FAILED.
    var rechargeFails: Bool

    /// The body to run at commit (secrets replaced by stand-ins, see `SecretFields`).
    func restoredBody(cards: [String: SandboxCard]) -> JSONObject { SecretFields.restore(body, cards: cards) }
}
