// Fields: typed reads of a request's business fields, each failure a PARAM_ERROR naming the field.

import KazeProtocol

/// The decrypted business body of one request.
struct Fields: Sendable {
    let body: JSONObject

    /// A required non-empty string.
    func required(_ name: String) throws -> String {
        guard let value = try optional(name) else { throw SandboxFailure.param(name, "is required") }
        return value
    }

    /// An optional string; present but empty counts as absent; other JSON types are refused.
    func optional(_ name: String) throws -> String? {
        switch body[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        default: throw SandboxFailure.param(name, "must be a string")
        }
    }

    /// A required JSON boolean.
    func requiredBool(_ name: String) throws -> Bool {
        switch body[name] {
        case nil, .null?: throw SandboxFailure.param(name, "is required")
        case .bool(let flag)?: return flag
        default: throw SandboxFailure.param(name, "must be a JSON boolean (true or false)")
        }
    }

    /// An optional ISO 4217 currency (three uppercase letters), USD when absent. Whether the card
    /// holds it is a state check (`SandboxState.card(_:holding:)`), not a field check.
    func currency() throws -> String {
        guard let currency = try optional("currency") else { return "USD" }
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw SandboxFailure.param("currency", "must be an ISO 4217 code such as USD")
        }
        return currency
    }
}
