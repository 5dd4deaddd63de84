// SandboxState+JSON: the state as JSON — what `GET /_sandbox/state` answers and what the
// `--state` file holds. Card numbers appear masked (first 6 + last 4); the series and index
// identify the deterministic number. No PIN, CVV or image is ever part of the state.

import Foundation
import KazeProtocol

extension SandboxState {
    /// The whole state; users sorted by email, cards by cardID, transactions oldest first.
    var json: JSONValue {
        .object(JSONObject([
            ("version", .number("1")), ("currency", .string("USD")),
            ("merchantBalance", .string(merchantBalance.text)), ("inventorySize", .number(String(inventorySize))),
            ("lastCardSequence", .number(String(lastCardSequence))),
            ("lastTransactionSequence", .number(String(lastTransactionSequence))),
            ("users", .array(users.values.sorted { $0.email < $1.email }.map { .object($0.json) })),
            ("cards", .array(cards.values.sorted { $0.cardID < $1.cardID }.map { .object($0.json) })),
            ("transactions", .array(transactions.map { .object($0.json) })),
        ]))
    }
}

/// Milliseconds since 1970 as a JSON number (times, never money).
func millisecondsJSON(_ date: Date?) -> JSONValue {
    guard let date else { return .null }
    return .number(String(Int64((date.timeIntervalSince1970 * 1000).rounded())))
}

extension SandboxUser {
    var json: JSONObject {
        JSONObject([
            ("email", .string(email)), ("status", .string(status.rawValue)), ("outcome", .string(outcome.rawValue)),
            ("settlesAtMs", millisecondsJSON(settlesAt)), ("submittedAtMs", millisecondsJSON(submittedAt)),
            ("mobileNumber", .string(mobileNumber)), ("mobilePrefix", .string(mobilePrefix)),
            ("firstName", .string(firstName)), ("lastName", .string(lastName)), ("countryCode", .string(countryCode)),
            ("state", .string(state)), ("city", .string(city)), ("addressLine", .string(addressLine)),
            ("postCode", .string(postCode)),
        ])
    }
}

extension SandboxCard {
    var json: JSONObject {
        JSONObject([
            ("cardID", .string(cardID)), ("cardNo", .string(CardNumbers.masked(cardNumber))),
            ("series", .string(series.rawValue)), ("index", .number(String(index))), ("email", .string(email)),
            ("status", .string(status.rawValue)), ("pinSet", .bool(pinSet)), ("balance", .string(balance.text)),
            ("currency", .string(currency)), ("expiryDate", .string(expiryDate)),
        ])
    }
}

extension SandboxTransaction {
    var json: JSONObject {
        JSONObject([
            ("transactionId", .string(transactionId)), ("cardID", .string(cardID)), ("type", .string(type.rawValue)),
            ("amount", .string(amountText)), ("currency", .string(currency)), ("status", .string(status.rawValue)),
            ("time", .string(WireTime.dateTimeText(time))), ("timeMs", millisecondsJSON(time)),
            ("settlesAtMs", millisecondsJSON(settlesAt)), ("requestNo", .string(requestNo)),
        ])
    }
}
