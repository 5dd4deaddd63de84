// TestSupportError: why a child `kazebatch` process could not be used by a test.

/// A failure of the test support itself, with a message saying what to do.
public enum TestSupportError: Error, CustomStringConvertible {
    /// The executable is not at `path`.
    case binaryMissing(path: String)
    /// `kazebatch sandbox` did not print its `listening on` line; `line` is what it printed first.
    case sandboxDidNotStart(line: String, stderr: String)
    /// A sandbox endpoint path that does not make a URL.
    case badURL(String)

    /// The operator-readable message.
    public var description: String {
        switch self {
        case .binaryMissing(let path):
            return "\(path) is missing: run `swift build` before the tests"
        case .sandboxDidNotStart(let line, let stderr):
            return "kazebatch sandbox did not start; first line: \"\(line)\", stderr: \"\(stderr)\""
        case .badURL(let path):
            return "\(path) does not make a sandbox URL"
        }
    }
}
