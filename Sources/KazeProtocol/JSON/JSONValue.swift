// JSONValue: a JSON document model that keeps numbers as the text that was written,
// so money never passes through a binary float, and keeps object members in order.

/// A JSON value whose numbers keep their exact source text.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, kept as its JSON text (for example `10.50`), never as a float.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string value, or `nil` when this is not a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number text, or `nil` when this is not a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// The boolean value, or `nil` when this is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The object, or `nil` when this is not an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array, or `nil` when this is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A scalar rendered as text: strings as they are, numbers as written, booleans as
    /// `true`/`false`; `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }
}

/// A JSON object that keeps its members in insertion order.
public struct JSONObject: Sendable, Equatable {
    /// The members in order; keys are unique.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members, in this order. A repeated key keeps its last value.
    public init(_ members: [(String, JSONValue)]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// An object of `members`, whose keys the caller has already checked are unique.
    init(uniqueMembers members: [(key: String, value: JSONValue)]) { self.members = members }

    /// The member names in order.
    public var keys: [String] { members.map(\.key) }

    /// Reads or sets a member; setting `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
