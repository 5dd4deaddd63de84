// OutputError: why an output file (results) could not be written.

/// A problem writing an output file, naming it.
public enum OutputError: EngineError, Sendable, Equatable {
    /// An output that cannot be written stops the command before it starts.
    public var verdict: RunVerdict { .unusable }

    /// The file could not be created, written or moved into place.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
