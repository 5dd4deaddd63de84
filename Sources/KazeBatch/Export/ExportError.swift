// ExportError: why an export could not be made, for the operator.

/// A failed export.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bad flag value (exit 2).
    case usage(String)
    /// The platform could not list every transaction or balance of some cards (exit 1); the
    /// file holds the others.
    case incomplete([String])

    public var description: String {
        switch self {
        case .usage(let message): message
        case .incomplete(let problems):
            "\(problems.count) card\(problems.count == 1 ? "" : "s") could not be exported completely: "
                + problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? "; …" : "")
        }
    }
}
