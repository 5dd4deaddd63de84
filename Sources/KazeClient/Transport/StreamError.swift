// StreamError: why a read or write on a connection failed — a deadline, or the connection.

/// Why a stream operation failed.
enum StreamError: Error, Equatable {
    /// The deadline passed before the operation could make progress.
    case timedOut
    /// The connection failed; the text says how (`Connection reset by peer`).
    case failed(String)
}

extension StreamError: CustomStringConvertible {
    /// Operator text.
    var description: String {
        switch self {
        case .timedOut: "timed out"
        case .failed(let reason): reason
        }
    }
}
