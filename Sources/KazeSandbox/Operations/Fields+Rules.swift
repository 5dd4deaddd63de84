// Fields+Rules: the sandbox's own checks of text, digit and number fields, with the limits read
// from KazeProtocol's FieldTable (the same limits `validate` enforces), each failure a PARAM_ERROR.

import KazeProtocol

extension Fields {
    /// Required printable-ASCII ("English") text within the table's length for `name` in `operation`.
    func requiredEnglish(_ name: String, of operation: APIOperation) throws -> String {
        guard let value = try english(name, of: operation) else { throw SandboxFailure.param(name, "is required") }
        return value
    }

    /// Optional printable-ASCII ("English") text within the table's length for `name` in `operation`.
    func english(_ name: String, of operation: APIOperation) throws -> String? {
        guard let value = try optional(name) else { return nil }
        guard value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw SandboxFailure.param(name, "must be English (printable ASCII) text")
        }
        let limit = FieldTable.rule(name, of: operation).maxLength ?? 0
        guard value.count <= limit else { throw SandboxFailure.param(name, "must be at most \(limit) characters") }
        return value
    }

    /// Required ASCII digits, as many as the table allows for `name` in `operation`.
    func requiredDigits(_ name: String, of operation: APIOperation) throws -> String {
        let value = try required(name)
        let length = FieldTable.rule(name, of: operation).range ?? 0...0
        guard length.contains(value.count), value.allSatisfy(\.isASCIIDigit) else {
            throw SandboxFailure.param(name, "must be \(length.lowerBound)-\(length.upperBound) digits")
        }
        return value
    }

    /// A required word among the table's choices for `name` in `operation`.
    func requiredChoice(_ name: String, of operation: APIOperation) throws -> String {
        let value = try required(name)
        let words = FieldTable.rule(name, of: operation).choices ?? []
        guard words.contains(value) else {
            throw SandboxFailure.param(name, "must be \(words.joined(separator: " or "))")
        }
        return value
    }

    /// An optional whole number within the table's range for `name` in `operation`, written as a
    /// JSON number or a digit string.
    func optionalInt(_ name: String, of operation: APIOperation) throws -> Int? {
        let text: String
        switch body[name] {
        case nil, .null?: return nil
        case .number(let digits)?: text = digits
        case .string(let digits)?: text = digits
        default: throw SandboxFailure.param(name, "must be a number")
        }
        let range = FieldTable.rule(name, of: operation).range ?? 0...0
        guard text.allSatisfy(\.isASCIIDigit), let value = Int(text), range.contains(value) else {
            throw SandboxFailure.param(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The cardID field: English text within the table's length (the same for every operation).
    func cardID() throws -> String { try requiredEnglish("cardID", of: .card) }
}
