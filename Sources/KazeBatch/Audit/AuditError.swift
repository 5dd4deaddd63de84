// AuditError: why an audit file could not be written or verified.

/// A problem with an audit file, naming the path and, for chain faults, the row.
public enum AuditError: EngineError, Sendable, Equatable {
    /// An audit file that cannot be opened or appended to stops the command before it starts.
    public var verdict: RunVerdict { .unusable }

    /// The file could not be opened, read or written.
    case io(path: String, reason: String)
    /// Row `seq` on physical line `line` breaks the chain.
    case broken(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "audit file \(path): \(reason)"
        case .broken(let path, let line, let reason): "audit file \(path), line \(line): \(reason)"
        }
    }
}
