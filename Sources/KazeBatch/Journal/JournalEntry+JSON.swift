// JournalEntry+JSON: reads a journal line with KazeProtocol's JSON parser straight from the
// bytes (no Data copy, no decoder set-up; about 6 % faster than JSONDecoder over a 3 M-line
// journal). As strict as the Codable form: required members present and typed, optional ones
// a string, null or absent, the state one of `JournalState`.

import KazeProtocol

extension JournalEntry {
    /// The entry of one journal line (UTF-8 JSON, without the LF); nil when it is not one.
    init?<Bytes: Collection>(jsonLine bytes: Bytes) where Bytes.Element == UInt8 {
        guard let object = (try? JSONValue.parse(bytes))?.objectValue,
              let line = object["line"]?.numberText.flatMap({ Int($0) }),
              let state = object["state"]?.stringValue.flatMap(JournalState.init(rawValue:)),
              let time = object["time"]?.stringValue,
              let attempt = object["attempt"]?.numberText.flatMap({ Int($0) })
        else { return nil }
        self.init(line: line, state: state, time: time, attempt: attempt)
        var valid = true
        func text(_ key: String) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: valid = false; return nil
            }
        }
        (requestNo, code, detail) = (text("requestNo"), text("code"), text("detail"))
        (cardID, amount, currency) = (text("cardID"), text("amount"), text("currency"))
        (email, target, ref) = (text("email"), text("target"), text("ref"))
        maskedCardNumber = text("maskedCardNumber")
        switch object["fields"] {
        case nil, .null?: fields = nil
        case .object(let members)?:
            var fields: [String: String] = [:]
            for (key, value) in members.members {
                guard let value = value.stringValue else { return nil }
                fields[key] = value
            }
            self.fields = fields
        default: return nil
        }
        switch object["requestNoInDoubt"] {
        case nil, .null?: requestNoInDoubt = nil
        case .bool(let flag)?: requestNoInDoubt = flag
        default: return nil
        }
        guard valid else { return nil }
    }
}
