// SandboxState+JSON: the state as JSON — what `GET /_sandbox/state` answers and what the
// `--state` file holds. Card numbers appear masked (first 6 + last 4); the series and index
// identify the deterministic number. No PIN, CVV or image is ever part of the state.
// Transaction times appear as the platform writes them (`time`, in its zone), as the platform
// instant (`timeMs`) and as the real moment of the commit (`committedAtMs`, UTC ms).

import Foundation
import KazeProtocol

extension SandboxState {
    /// The whole state; users sorted by email, cards by cardID, transactions oldest first.
    var json: JSONValue {
        .object(
            JSONObject([
                ("version", .number("1")), ("currency", .string("USD")),
                ("merchantBalance", .string(merchantBalance.text)), ("inventorySize", .number(String(inventorySize))),
                ("lastCardSequence", .number(String(lastCardSequence))),
                ("lastTransactionSequence", .number(String(lastTransactionSequence))),
                ("users", .array(users.values.sorted { $0.email < $1.email }.map { .object($0.json) })),
                ("cards", .array(cards.values.sorted { $0.cardID < $1.cardID }.map { .object($0.json) })),
                ("transactions", .array(transactions.map { .object($0.json(rules.clock)) })),
                (
                    "requests",
                    .array(
                        requests.keys.sorted().compactMap { requestNo in
                            requests[requestNo].map { .object($0.json(requestNo)) }
                        })
                ),
                ("lateCommits", .array(lateCommits.map { .object($0.json) })),
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
            ("cardID", .string(cardID)), ("cardNo", .string(Masking.cardNumber(cardNumber))),
            ("series", .string(series.rawValue)), ("index", .number(String(index))), ("email", .string(email)),
            ("status", .string(status.rawValue)), ("pinSet", .bool(pinSet)), ("balance", .string(balance.text)),
            ("currency", .string(currency)), ("expiryDate", .string(expiryDate)),
        ])
    }
}

extension SandboxTransaction {
    func json(_ clock: PlatformClock) -> JSONObject {
        JSONObject([
            ("transactionId", .string(transactionId)), ("cardID", .string(cardID)), ("type", .string(type.rawValue)),
            ("amount", .string(amountText)), ("currency", .string(currency)), ("status", .string(status.rawValue)),
            ("time", .string(clock.text(time))), ("timeMs", millisecondsJSON(time)),
            ("committedAtMs", millisecondsJSON(committedAt)), ("settlesAtMs", millisecondsJSON(settlesAt)),
            ("settlesTo", .string(settlesTo.rawValue)), ("requestNo", .string(requestNo)),
            ("purchase", purchase.map { .object($0.json) } ?? .null),
        ])
    }
}

extension PurchaseDetails {
    var json: JSONObject {
        JSONObject([
            ("merchantName", .string(merchantName)), ("transCurrency", .string(transCurrency)),
            ("transAmount", .string(transAmountText)), ("fee", .string(feeText)),
        ])
    }
}

extension RememberedRequest {
    func json(_ requestNo: String) -> JSONObject {
        JSONObject([
            ("requestNo", .string(requestNo)), ("digest", .string(digest)), ("pending", .bool(pending)),
            ("result", result.map { .object($0.json) } ?? .null),
        ])
    }
}

extension LateCommit {
    var json: JSONObject {
        JSONObject([
            ("apiCode", .string(operation.apiCode)), ("requestNo", .string(requestNo)), ("body", .object(body)),
            ("digest", digest.map(JSONValue.string) ?? .null), ("acceptedAtMs", millisecondsJSON(acceptedAt)),
            ("dueAtMs", millisecondsJSON(dueAt)), ("rechargeFails", .bool(rechargeFails)),
        ])
    }
}
