// JSONObject+Strings: a request body of string members, written as a literal in a test.

import KazeProtocol

extension JSONObject {
    /// Shorthand for test bodies: string members.
    public static func strings(_ pairs: KeyValuePairs<String, String>) -> JSONObject {
        JSONObject(pairs.map { ($0.key, JSONValue.string($0.value)) })
    }
}
