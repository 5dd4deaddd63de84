// SecretFields: the request fields the sandbox checks but never keeps, shows or hashes into
// anything it saves — the PIN, the activation code, the KYC images and the identification
// number — and the stand-ins that pass the same checks when a checked request is run again.

import KazeProtocol

/// Redaction of secret request fields.
enum SecretFields {
    /// What a secret field holds once redacted.
    static let redacted = "[redacted]"
    /// Stand-ins that pass the field checks; the sandbox's state records none of these values.
    private static let standIns = [
        "pin": "000000", "identificationNumber": "REDACTED1",
        "frontImgBase64": imageStandIn, "backImgBase64": imageStandIn, "handheldImgBase64": imageStandIn,
    ]
    /// A valid JPEG data URI (the sandbox checks images and never keeps them).
    private static let imageStandIn = "data:image/jpeg;base64,/9j/4AAQ"

    /// `body` with every secret string field replaced by `redacted`.
    static func redact(_ body: JSONObject) -> JSONObject {
        var copy = body
        for name in Array(standIns.keys) + ["activationCode"] where copy[name]?.stringValue != nil {
            copy[name] = .string(redacted)
        }
        return copy
    }

    /// A redacted `body` with stand-ins that pass the checks the original passed; the
    /// activation code is the card's own (`cards` by cardID).
    static func restore(_ body: JSONObject, cards: [String: SandboxCard]) -> JSONObject {
        var copy = body
        for member in body.members where member.value.stringValue == redacted {
            if member.key == "activationCode" {
                let card = body["cardID"]?.stringValue.flatMap { cards[$0] }
                copy["activationCode"] = .string(card.map { CardNumbers.activationCode($0.cardNumber) } ?? "")
            } else {
                copy[member.key] = standIns[member.key].map(JSONValue.string)
            }
        }
        return copy
    }
}
