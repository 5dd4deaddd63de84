// SandboxDirectoryError: a sandbox folder file that cannot be created, read or written.

/// A file problem in the sandbox folder.
public struct SandboxDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// What went wrong.
    public let problem: String

    public var description: String { "\(path): \(problem)" }
}
