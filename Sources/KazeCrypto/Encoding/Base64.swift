// Base64: standard-alphabet, padded base64 without line breaks (body.encrypt).

import Foundation

/// Standard base64 (RFC 4648 §4) with `=` padding and no line breaks.
public enum Base64 {
    /// The base64 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of `text`; `nil` when it is not padded standard base64 (whitespace, the URL-safe
    /// alphabet or missing padding are all rejected).
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        return [UInt8](data)
    }
}
