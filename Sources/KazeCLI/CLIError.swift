// CLIError: problems with how a command was invoked, reported without a stack trace.

/// A usage or configuration problem, written for the operator; exits with code 2.
public struct CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let exitCode: ExitCode
    public init(_ message: String, exitCode: ExitCode = .usage) {
        self.message = message
        self.exitCode = exitCode
    }
    public var description: String { message }
}
