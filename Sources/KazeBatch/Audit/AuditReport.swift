// AuditReport: what `audit verify` found in an intact audit file.

/// What a verified audit file contains.
public struct AuditReport: Sendable, Equatable {
    /// Number of event rows (without the header).
    public let rows: Int
    /// The last row's hash (64 zeros for an empty file): record it to detect later truncation.
    public let headHash: String
}
