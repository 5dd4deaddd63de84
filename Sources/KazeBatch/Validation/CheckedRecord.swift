// CheckedRecord: one record after every check — its problems, or its typed values — before it is
// packaged as a RecordOutcome. `validate` and `plan` read it directly: they send nothing, so they
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

    /// The record as the public outcome: a ValidRecord with its request body, or its issues.
    var outcome: RecordOutcome {
        guard issues.isEmpty else { return .invalid(line: line, ref: ref, issues: issues) }
        return .valid(ValidRecord(line: line, ref: ref, operation: operation, body: JSONObject(members), images: images))
    }

    /// The checked value of `field`, if the record has one.
    func value(of field: String) -> JSONValue? { members.first(where: { $0.0 == field })?.1 }
}
