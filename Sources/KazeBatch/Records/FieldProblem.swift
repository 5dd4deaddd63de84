// FieldProblem: why one value failed its rule — a code and an operator message (never the value of
// a PIN or a full card number).

/// A failed field check.
struct FieldProblem: Error, Sendable, Equatable {
    /// The stable error code.
    let code: IssueCode
    /// What is wrong, naming the field.
    let message: String

    init(_ code: IssueCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
