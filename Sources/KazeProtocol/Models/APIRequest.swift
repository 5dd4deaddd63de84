// APIRequest / APIResponse: the contract every typed operation model follows.

/// A typed request for one operation; `body` is the business JSON that gets sealed.
public protocol APIRequest: Sendable {
    /// The typed response this request gets back.
    associatedtype Response: APIResponse
    /// The operation this request belongs to.
    static var operation: APIOperation { get }
    /// The business fields, in documented order, ready for compact serialization.
    var body: JSONObject { get }
}

/// A typed response, read from the decrypted business JSON (which also holds `encrypt`).
public protocol APIResponse: Sendable {
    /// Reads the fields this operation returns; missing optional fields stay `nil`.
    init(body: JSONObject)
}

extension JSONObject {
    /// The member as text: strings as they are, numbers as written, booleans as words.
    public func text(_ key: String) -> String? { self[key]?.scalarText }

    /// Builds an object from optional members, leaving out the `nil` ones.
    public static func compact(_ members: [(String, JSONValue?)]) -> JSONObject {
        JSONObject(members.compactMap { key, value in value.map { (key, $0) } })
    }
}

extension Optional where Wrapped == String {
    /// `.string(value)` or `nil`, for optional request fields.
    var json: JSONValue? { map(JSONValue.string) }
}
