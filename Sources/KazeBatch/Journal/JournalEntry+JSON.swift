// JournalEntry+JSON: the journal's one JSON codec, both ways, on KazeProtocol's JSON. Writing:
// compact UTF-8, members in name order, absent ones left out. Reading, straight from the bytes:
// required members present and typed, optional ones a string, null or absent, the state one of
// `JournalState` (lines written by older versions, with JSONEncoder, read the same). Lines in
// the writer's own form take a fast path that builds no JSON tree (`JournalLineScanner`).

import KazeProtocol

extension JournalEntry {
    /// The entry as one journal line, without its LF.
    var jsonLine: [UInt8] {
        let texts: [(String, String?)] = [
            ("amount", amount), ("cardID", cardID), ("code", code), ("currency", currency), ("detail", detail),
            ("email", email), ("maskedCardNumber", maskedCardNumber), ("ref", ref), ("requestNo", requestNo),
            ("target", target), ("time", time), ("state", state.rawValue),
        ]
        var members = texts.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        members += [("attempt", .number(String(attempt))), ("line", .number(String(line)))]
        if let fields {
            members.append(("fields", .object(JSONObject(fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))))
        }
        if let requestNoInDoubt { members.append(("requestNoInDoubt", .bool(requestNoInDoubt))) }
        return JSONValue.object(JSONObject(members.sorted { $0.0 < $1.0 })).compactBytes
    }

    /// The entry of one journal line (UTF-8 JSON, without the LF); nil when it is not one.
    /// Lines in the exact form `jsonLine` writes are scanned straight from the bytes
    /// (`JournalLineScanner`); any other line goes through the full JSON parser.
    public init?<Bytes: Collection>(jsonLine bytes: Bytes) where Bytes.Element == UInt8 {
        if case let scanned?? = bytes.withContiguousStorageIfAvailable(JournalLineScanner.entry) {
            self = scanned
        } else {
            self.init(parsingJSONLine: bytes)
        }
    }

    /// The entry of one journal line read with the full JSON parser; nil when it is not one.
    init?<Bytes: Collection>(parsingJSONLine bytes: Bytes) where Bytes.Element == UInt8 {
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
            default:
                valid = false
                return nil
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
