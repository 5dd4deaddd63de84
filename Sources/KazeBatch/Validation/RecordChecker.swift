// RecordChecker: one RawRecord → one CheckedRecord. Every field is checked (one bad field does not
// hide the next), then cross-field rules, then duplicates among records that are otherwise valid.

import Foundation
import KazeProtocol

/// Checks records of one operation, remembering keys for duplicate detection.
struct RecordChecker {
    private let schema: OperationSchema
    private let context: CheckContext
    private let duplicates: DuplicateRule?
    private let seen = DuplicateIndex()
    private let identificationTypeSlot: Int?
    /// The body being built, reused from record to record.
    private var members: [(String, JSONValue)] = []

    /// A checker for `schema`'s records.
    init(schema: OperationSchema, context: CheckContext, allowDuplicates: Bool) {
        self.schema = schema
        self.context = context
        self.duplicates = allowDuplicates ? nil : DuplicateRule(schema: schema)
        self.identificationTypeSlot = schema.slot(forName: "identificationType")
    }

    /// The checks' verdict on `raw`.
    mutating func check(_ raw: RawRecord) -> CheckedRecord {
        let ref = raw.values[schema.refSlot] ?? ""
        var issues: [RecordIssue] = []
        func report(_ field: String, _ code: IssueCode, _ message: String) {
            issues.append(RecordIssue(line: raw.line, ref: ref, field: field, code: code.rawValue, message: message))
        }
        func reportHeader(_ field: String, _ code: IssueCode, _ message: String) {
            guard let header = raw.headerLine else { return report(field, code, message) }
            issues.append(RecordIssue(line: header, ref: "", field: field, code: code.rawValue, message: message, headerLevel: true))
        }
        if let problem = raw.problem {
            report(problem.field, problem.code, problem.message)
            return CheckedRecord(
                line: raw.line, ref: ref, issues: issues, operation: schema.operation, members: [], images: [:],
                given: raw.values)
        }
        for name in raw.unknownColumns {
            // A file without its header row makes the first record the header: hide its digits
            // (a card number or PIN) rather than echo them as column names.
            let shown = name.contains(where: \.isNumber) ? String(name.map { $0.isNumber ? "#" : $0 }) : name
            reportHeader(
                shown, .unknownColumn,
                name.isEmpty
                    ? "a column with no name in the header holds data (name it or remove it)"
                    : "column '\(TextRules.excerpt(shown))' is not a \(schema.operation.batchName) column "
                        + (shown == name ? "" : "(digits hidden; is the header row missing?) ")
                        + "(columns: \(schema.columnNames.joined(separator: ", ")))")
        }
        members.removeAll(keepingCapacity: true)
        var images: [String: URL] = [:]
        // Columns are used in place (`columns[slot].…`), never copied whole: a FieldSpec copy
        // goes through its value witness, a measurable cost per field.
        let columns = schema.columns
        for slot in columns.indices {
            guard let value = raw.values[slot] else {
                let name = columns[slot].name
                if raw.missingColumns.contains(slot) {
                    reportHeader(name, .required, "\(name) is required and the header has no such column")
                } else if let missing = missingMessage(columns[slot], raw) {
                    report(name, .required, missing)
                }
                continue
            }
            if let hidden = HiddenCharacter.first(in: value) {
                let name = columns[slot].name
                report(name, .hiddenCharacter, hiddenMessage(hidden, column: name, value: value))
                continue
            }
            switch columns[slot].rule.check(value, column: columns[slot].name, context: context) {
            case .success(.json(let json)): members.append((columns[slot].field, json))
            case .success(.image(let url)): images[columns[slot].field] = url
            case .failure(let problem): report(columns[slot].name, problem.code, problem.message)
            }
        }
        if issues.isEmpty, schema.operation == .transactions, let problem = TimeWindowRule.problem(in: members) {
            report(problem.field, .timeOrder, problem.message)
        }
        if issues.isEmpty, let duplicates, let fingerprint = duplicates.fingerprint(of: raw.values),
            let first = seen.firstLine(of: fingerprint, recordingLine: raw.line)
        {
            report("", .duplicate, "same \(duplicates.fields) as the record on line \(first) (use --allow-duplicates if intended)")
        }
        return CheckedRecord(
            line: raw.line, ref: ref, issues: issues, operation: schema.operation, members: members, images: images,
            given: issues.isEmpty ? [] : raw.values)
    }

    /// `amount '10<U+200B>' has U+200B (an invisible format character) at position 3; ...`; the
    /// value of a secret or card number column is not shown.
    private func hiddenMessage(_ hidden: HiddenCharacter, column: String, value: String) -> String {
        let name = column.lowercased()
        let shown =
            Masking.secretFields.contains(name) || Masking.cardNumberFields.contains(name)
            ? "" : " '\(TextRules.excerpt(value))'"
        return "\(column)\(shown) has \(hidden.codePoint) (\(hidden.kind)) at position \(hidden.position);"
            + " only ref may hold control characters, invisible characters or non-ASCII spaces"
    }

    /// Why an absent value is an error, or `nil` when the column may be left empty.
    private func missingMessage(_ column: FieldSpec, _ raw: RawRecord) -> String? {
        switch column.requirement {
        case .required: return "\(column.name) is required"
        case .optional: return nil
        case .requiredForIDCard:
            guard let slot = identificationTypeSlot, raw.values[slot] == "ID_CARD" else { return nil }
            return "\(column.name) is required when identificationType is ID_CARD"
        }
    }
}
