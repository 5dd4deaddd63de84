// HTTPServerError: why the server could not start listening.

/// A failure to open the listening socket, with the system's reason.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, e.g. `bind 127.0.0.1:8080`.
    public let action: String
    /// The `strerror` text of `errno`.
    public let reason: String

    /// An error for `action` that failed with `reason`.
    public init(action: String, reason: String) {
        self.action = action
        self.reason = reason
    }

    public var description: String { "cannot \(action): \(reason)" }
}
