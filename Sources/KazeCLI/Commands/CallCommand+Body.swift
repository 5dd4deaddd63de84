// CallCommand+Body: turns `key=value` words into the request body and masks the response
// for printing.

import KazeBatch
import KazeProtocol

extension CallCommand {
    /// Fields sent as JSON numbers (whole numbers for paging).
    static let integerFields: Set<String> = ["pageSize", "pageNum"]

    /// The request body for `operation` from `key=value` pairs, in the documented field order.
    /// Field names match case-insensitively. `amount` must be a valid `Amount` and goes out
    /// with exactly its digits; `pageSize`/`pageNum` are whole numbers; `autoActive` a boolean.
    /// - Throws: `CLIError` naming the pair and the problem.
    static func body(for operation: APIOperation, pairs: [String]) throws -> JSONObject {
        var given: [String: JSONValue] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CLIError("argument \"\(pair)\" is not key=value")
            }
            let key = String(pair[..<equals])
            let text = String(pair[pair.index(after: equals)...])
            guard let field = operation.requestFields.first(where: { $0.lowercased() == key.lowercased() }) else {
                throw CLIError("\(operation.apiCode) has no field \"\(key)\"; fields: \(operation.requestFields.joined(separator: ", "))")
            }
            guard given[field] == nil else { throw CLIError("field \(field) given twice") }
            given[field] = try value(field: field, text: text)
        }
        return JSONObject(operation.requestFields.compactMap { field in given[field].map { (field, $0) } })
    }

    private static func value(field: String, text: String) throws -> JSONValue {
        if field == "amount" {
            guard let amount = Amount(text) else {
                throw CLIError("amount \"\(text)\" must be a number greater than 0 with at most 2 decimals")
            }
            return amount.json
        }
        if integerFields.contains(field) {
            guard !text.isEmpty, text.count <= 9, text.allSatisfy(\.isASCIIDigit) else {
                throw CLIError("\(field) \"\(text)\" must be a whole number")
            }
            return .number(text)
        }
        if field == "autoActive" {
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw CLIError("autoActive \"\(text)\" must be true or false")
            }
        }
        return .string(text)
    }

    /// `value` with card numbers masked and secret fields (cardCvv, pin, images) removed, at any depth.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.compactMap { member -> (String, JSONValue)? in
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
