// BatchRef: another batch as the guards name it — its id (the state folder's name) and what its
// batch.json says.

/// A batch found in the state dir.
public struct BatchRef: Sendable, Equatable {
    /// The batch id (the state folder's name).
    public let id: String
    /// Its batch.json.
    public let info: BatchInfo

    /// The id as messages show it: its first 8 digits.
    public var shortID: String { String(id.prefix(8)) }
}
