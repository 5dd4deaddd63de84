// InputError: an input file that cannot be read at all (missing, unreadable, no usable header).
// Problems with single records are RecordIssues instead; this one stops the command (exit 2).

/// The input file as a whole cannot be used.
public struct InputError: EngineError, Sendable, Equatable {
    /// An unreadable input stops the command before anything is sent.
    public var verdict: RunVerdict { .unusable }

    /// The file, as the user named it.
    public let path: String
    /// What is wrong, for the operator.
    public let problem: String

    /// An error about the file at `path`.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}
