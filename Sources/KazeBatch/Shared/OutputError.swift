// OutputError: why an output file (results) could not be written.

/// A problem writing an output file, naming it.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be created, written or moved into place.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
