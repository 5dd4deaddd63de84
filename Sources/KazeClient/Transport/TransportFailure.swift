// TransportFailure: why one exchange ended without an answer, sorted by whether the request can
// have reached the platform — before its first byte was written, or after.

/// A failed exchange, as the transport's internal error.
enum TransportFailure: Error, Equatable {
    /// Provably before any request byte was written: the request was not sent.
    case notSent(String)
    /// After the first request byte was written: the platform may have acted.
    case inDoubt(String)

    /// The reason text, whichever the case.
    var reason: String {
        switch self {
        case .notSent(let reason), .inDoubt(let reason): reason
        }
    }

    /// The transport result this failure is.
    var result: TransportResult {
        switch self {
        case .notSent(let reason): .notSent(reason: reason)
        case .inDoubt(let reason): .unknown(reason: reason)
        }
    }
}
