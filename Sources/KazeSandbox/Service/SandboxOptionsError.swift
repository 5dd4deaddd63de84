// SandboxOptionsError: a sandbox setting that cannot be used.

/// A sandbox option that cannot be used.
public struct SandboxOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for the operator.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
