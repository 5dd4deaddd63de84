// FieldSpec: one field of an operation in the field table — its name in batch files, the API
// field it fills, whether it is required, and its rule.

/// How one input column maps to one API field, and what its value must be.
public struct FieldSpec: Sendable, Equatable {
    /// Whether a field needs a value.
    public enum Requirement: Sendable, Equatable {
        /// Always (PROTOCOL.md `Y`).
        case required
        /// Never (PROTOCOL.md `N`).
        case optional
        /// Only when `identificationType` is `ID_CARD` (PROTOCOL.md `C`).
        case requiredForIDCard
    }

    /// The column (CSV) or key (JSONL) name, matched case-insensitively.
    public let name: String
    /// The API field the value goes to (`frontImgBase64` for the `frontImgPath` column).
    public let field: String
    /// Whether a value is needed.
    public let requirement: Requirement
    /// The type, character set and limits of the value.
    public let rule: FieldRule

    /// A field whose column is named after the API field itself unless `field` says otherwise.
    public init(_ name: String, _ requirement: Requirement, _ rule: FieldRule, field: String? = nil) {
        self.name = name
        self.field = field ?? name
        self.requirement = requirement
        self.rule = rule
    }
}
