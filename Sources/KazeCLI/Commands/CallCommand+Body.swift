// CallCommand+Body: turns `key=value` words into one record checked by the batch rules, the
// money guard, and the masking of the response for printing.

import Foundation
import KazeBatch
import KazeProtocol

extension CallCommand {
    /// The `key=value` pairs as one valid record of `operation` (field names match the batch
    /// file's columns, any letter case).
    /// - Throws: `CLIError` naming the pair, or every field problem; nothing is sent.
    static func checkedRecord(_ operation: APIOperation, pairs: [String]) throws -> FieldsRecord {
        var fields: [(name: String, value: String)] = []
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CLIError("argument \"\(pair)\" is not key=value")
            }
            fields.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
        }
        let record: FieldsRecord
        do {
            record = try FieldsRecord(
                operation: operation, fields: fields,
                folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch let error as FieldsRecordError {
            throw CLIError(error.description)
        }
        guard record.outcome.issues.isEmpty else {
            let problems = record.outcome.issues.map { issue -> String in
                issue.code == "unknown_column"
                    ? "\(operation.apiCode) has no field \"\(issue.field)\"\(Suggestion.hint(for: issue.field, among: FieldsRecord.columnNames(of: operation)));"
                        + " fields: \(FieldsRecord.columnNames(of: operation).joined(separator: ", "))"
                    : "\(issue.message) [\(issue.code)]"
            }
            throw CLIError(problems.joined(separator: "\n") + "\nnothing was sent")
        }
        return record
    }

    /// Why `record` may not be sent without `--yes` (it moves money or closes a card), or nil.
    static func moneyRefusal(_ record: FieldsRecord) -> String? {
        guard case .valid(let valid) = record.outcome else { return nil }
        let card = valid.cardID ?? "?"
        switch record.operation {
        case .recharge:
            let amount = valid.amount.map { "\($0.text) \(valid.currency)" } ?? "money"
            return "cardRecharge would move \(amount) onto card \(card); nothing was sent. Add --yes to send it"
        case .close:
            return "closeCard would close card \(card) for good; nothing was sent. Add --yes to send it"
        default:
            return nil
        }
    }

    /// `value` with card numbers masked and secret fields (cardCvv, pin, images) removed, at any depth.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    object.members.compactMap { member -> (String, JSONValue)? in
                        let key = member.key.lowercased()
                        if Masking.secretFields.contains(key) { return nil }
                        if Masking.cardNumberFields.contains(key), let number = member.value.stringValue {
                            return (member.key, .string(Masking.cardNumber(number)))
                        }
                        return (member.key, masked(member.value))
                    }))
        case .array(let items):
            return .array(items.map(masked))
        default:
            return value
        }
    }
}
