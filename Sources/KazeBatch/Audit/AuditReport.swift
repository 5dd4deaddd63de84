// AuditReport: what `audit verify` found in an intact audit file.

/// What a verified audit file contains.
public struct AuditReport: Sendable, Equatable {
    /// Number of rows (without the header), checkpoints included.
    public var rows: Int
    /// The last row's hash (64 zeros for an empty file).
    public var headHash: String
    /// Checkpoint rows found (their signatures checked only when a public key was given).
    public var checkpoints = 0
    /// The seq of the last checkpoint, nil when there is none.
    public var lastCheckpoint: Int?
    /// True for a file of an older kazebatch, without the `detail` column (and checkpoints).
    public var legacy = false

    /// The rows after the last checkpoint: no signature covers them.
    public var unsignedRows: Int { rows - (lastCheckpoint ?? 0) }
}
