// RememberedRequest: what `--dedupe` keeps of a requestNo — a digest of what it asked and, for
// an operation that changes state, its first result. Reads keep no result (they are answered
// afresh), so no card number is ever stored.

import KazeProtocol

/// The memory of one requestNo.
struct RememberedRequest: Sendable, Equatable {
    /// Hex SHA-256 of the apiCode, a zero byte and the decrypted body, secrets redacted.
    var digest: String
    /// The first result of a state-changing operation; `nil` for reads and for a late commit
    /// not yet applied.
    var result: OperationResult?
    /// True while a late commit of this requestNo waits to be applied.
    var pending: Bool
}
