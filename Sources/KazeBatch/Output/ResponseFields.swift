// ResponseFields: an operation's response as it may be kept and shown — card numbers
// masked, CVVs and other secrets dropped, nested values (transaction lists) as compact JSON.

import KazeProtocol

/// Turns response bodies into the safe text fields of the journal and results file.
public enum ResponseFields {
    /// The response fields of `operation` (in `APIOperation.responseFields` order) that may
    /// be shown, without the secret ones.
    public static func columns(for operation: APIOperation) -> [String] {
        operation.responseFields.filter { !Masking.secretFields.contains($0.lowercased()) }
    }

    /// `body`'s fields of `operation`, masked and as text; absent fields are left out.
    public static func safeFields(of body: JSONObject, for operation: APIOperation) -> [String: String] {
        var fields: [String: String] = [:]
        for name in columns(for: operation) {
            guard let value = body[name] else { continue }
            if let text = value.scalarText {
                if let shown = Masking.display(field: name, value: text) { fields[name] = shown }
            } else if case .null = value {
                continue
            } else {
                fields[name] = masked(value).compactText
            }
        }
        return fields
    }

    /// `value` with secret members removed and card numbers masked, at any depth.
    public static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(masked))
        case .object(let object):
            return .object(
                JSONObject(
                    object.members.compactMap { member -> (String, JSONValue)? in
                        if let text = member.value.scalarText {
                            guard let shown = Masking.display(field: member.key, value: text) else { return nil }
                            return (member.key, shown == text ? member.value : .string(shown))
                        }
                        if Masking.secretFields.contains(member.key.lowercased()) { return nil }
                        return (member.key, masked(member.value))
                    }))
        default: return value
        }
    }
}
