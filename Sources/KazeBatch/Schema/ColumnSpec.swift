// ColumnSpec: one input column of an operation — its name in files, the API field it fills,
// whether it is required, and its rule.

/// How one input column maps to one API field.
struct ColumnSpec: Sendable {
    /// Whether a column needs a value.
    enum Requirement: Sendable, Equatable {
        /// Always (docs/PROTOCOL.md `Y`).
        case required
        /// Never (docs/PROTOCOL.md `N`).
        case optional
        /// Only when `identificationType` is `ID_CARD` (docs/PROTOCOL.md `C`).
        case requiredForIDCard
    }

    /// The column (CSV) or key (JSONL) name, matched case-insensitively.
    let name: String
    /// The API field the value goes to (`frontImgBase64` for the `frontImgPath` column).
    let field: String
    /// Whether a value is needed.
    let requirement: Requirement
    /// The check and typing of the value.
    let rule: FieldRule

    /// A column named after the API field itself.
    init(_ name: String, _ requirement: Requirement, _ rule: FieldRule, field: String? = nil) {
        self.name = name
        self.field = field ?? name
        self.requirement = requirement
        self.rule = rule
    }
}
