// LateCommit: an operation accepted with `--late-commit-rate` — its connection was dropped at
// once, and it commits at `dueAt`. Kept (and saved) without its secrets: the PIN, activation
// code and images were checked when it was accepted and only stand-ins are kept, which the
// sandbox's state would not record anyway.

import Foundation
import KazeProtocol

/// An accepted operation waiting to commit.
struct LateCommit: Sendable, Equatable {
    var operation: APIOperation
    var requestNo: String
    /// The decrypted body, secrets replaced by `LateCommit.redacted`.
    var body: JSONObject
    /// The requestNo memory digest (with `--dedupe` on), else `nil`.
    var digest: String?
    var acceptedAt: Date
    /// The real moment it commits.
    var dueAt: Date
    /// A recharge that will settle to FAILED.
    var rechargeFails: Bool

    /// What a secret field holds while the commit waits.
    static let redacted = "[redacted]"
    private static let pinStandIn = "000000"
    /// A valid JPEG data URI (the sandbox checks images and never keeps them).
    private static let imageStandIn = "data:image/jpeg;base64,/9j/4AAQ"
    private static let imageFields = ["frontImgBase64", "backImgBase64", "handheldImgBase64"]

    /// `body` with every secret field (PIN, activation code, images) replaced by `redacted`.
    static func redact(_ body: JSONObject) -> JSONObject {
        var copy = body
        for name in ["pin", "activationCode"] + imageFields where copy[name]?.stringValue != nil {
            copy[name] = .string(redacted)
        }
        return copy
    }

    /// The body to run at commit: stand-ins that pass the checks the original passed (the
    /// activation code is the card's own).
    func restoredBody(cards: [String: SandboxCard]) -> JSONObject {
        var copy = body
        for member in body.members where member.value.stringValue == Self.redacted {
            switch member.key {
            case "pin": copy["pin"] = .string(Self.pinStandIn)
            case "activationCode":
                let card = body["cardID"]?.stringValue.flatMap { cards[$0] }
                copy["activationCode"] = .string(card.map { CardNumbers.activationCode($0.cardNumber) } ?? "")
            default: copy[member.key] = .string(Self.imageStandIn)
            }
        }
        return copy
    }
}
