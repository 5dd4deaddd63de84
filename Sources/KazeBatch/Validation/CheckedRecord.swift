// CheckedRecord: one record after every check — its problems, or its typed values — before it is
// packaged as a ValidationResult. `validate` and `plan` read it directly: they send nothing, so they
// never pay for building request bodies.

import Foundation
import KazeProtocol

/// A record as the checker left it.
struct CheckedRecord {
    /// 1-based physical line where the record starts.
    let line: Int
    /// The record's `ref`, or "".
    let ref: String
    /// Every problem found; empty when the record is valid.
    let issues: [RecordIssue]
    /// The operation the record asks for.
    let operation: APIOperation
    /// The checked values in documented field order (meaningful when `issues` is empty).
    let members: [(String, JSONValue)]
    /// KYC images by wire field.
    let images: [String: URL]
    /// An invalid record's raw values by schema slot (`ref` last), for the results file's echo;
    /// empty for a valid record.
    var given: [String?] = []

    /// The record as the public outcome: a ValidRecord with its request body, or its issues.
    var outcome: ValidationResult {
        guard issues.isEmpty else { return .invalid(line: line, ref: ref, issues: issues, given: givenByColumn) }
        return .valid(ValidRecord(line: line, ref: ref, operation: operation, body: JSONObject(members), images: images))
    }

    /// `given` by column name, without `ref` and empty values.
    private var givenByColumn: [String: String] {
        let schema = OperationSchema(operation: operation)
        return Dictionary(
            uniqueKeysWithValues: zip(schema.columns, given).compactMap { column, value in
                value.map { (column.name, $0) }
            })
    }

    /// The checked value of `field`, if the record has one.
    func value(of field: String) -> JSONValue? { members.first(where: { $0.0 == field })?.1 }
}
