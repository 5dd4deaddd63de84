// StateDecoder+State: the users, cards, transactions, requestNo memory and late commits of a
// state file (files of earlier versions, without the last two, load as well).

import Foundation
import KazeProtocol

extension StateDecoder {
    /// The state in `root`, with the rules of this run (its unsettled indexes are built by the
    /// caller, once the log is replayed too).
    func state(_ root: JSONValue, rules: PlatformRules) throws -> SandboxState {
        let top = try object(root, "state")
        var state = SandboxState(
            inventorySize: try int(top, "inventorySize", "state"), merchantBalance: try cents(top, "merchantBalance", "state"),
            rules: rules)
        state.lastCardSequence = try int(top, "lastCardSequence", "state")
        state.lastTransactionSequence = try int(top, "lastTransactionSequence", "state")
        for (index, item) in try array(top, "users").enumerated() {
            let user = try self.user(try object(item, "users[\(index)]"), "users[\(index)]")
            state.users[user.email] = user
        }
        for (index, item) in try array(top, "cards").enumerated() {
            let card = try self.card(try object(item, "cards[\(index)]"), "cards[\(index)]")
            state.cards[card.cardID] = card
            state.assignedNumbers[card.cardNumber] = card.cardID
        }
        state.transactions = try array(top, "transactions").enumerated().map { index, item in
            try transaction(try object(item, "transactions[\(index)]"), "transactions[\(index)]")
        }
        for (index, item) in (top["requests"]?.arrayValue ?? []).enumerated() {
            let (requestNo, remembered) = try request(try object(item, "requests[\(index)]"), "requests[\(index)]")
            state.requests[requestNo] = remembered
        }
        state.lateCommits = try (top["lateCommits"]?.arrayValue ?? []).enumerated().map { index, item in
            try lateCommit(try object(item, "lateCommits[\(index)]"), "lateCommits[\(index)]")
        }
        return state
    }

    func request(_ o: JSONObject, _ at: String) throws -> (String, RememberedRequest) {
        guard let pending = o["pending"]?.boolValue else { throw fail("\(at).pending", "expected a boolean") }
        var result: OperationResult?
        if let saved = o["result"], saved != .null {
            guard let decoded = saved.objectValue.flatMap(OperationResult.init(json:)) else {
                throw fail("\(at).result", "expected a result")
            }
            result = decoded
        }
        return (try string(o, "requestNo", at), RememberedRequest(digest: try string(o, "digest", at), result: result, pending: pending))
    }

    func lateCommit(_ o: JSONObject, _ at: String) throws -> LateCommit {
        let apiCode = try string(o, "apiCode", at)
        guard let operation = APIOperation(rawValue: apiCode) else { throw fail("\(at).apiCode", "unknown value \"\(apiCode)\"") }
        guard let body = o["body"]?.objectValue else { throw fail("\(at).body", "expected an object") }
        guard let acceptedAt = try date(o, "acceptedAtMs", at), let dueAt = try date(o, "dueAtMs", at) else {
            throw fail("\(at).dueAtMs", "expected milliseconds")
        }
        return LateCommit(
            operation: operation, requestNo: try string(o, "requestNo", at), body: body,
            digest: o["digest"]?.stringValue, acceptedAt: acceptedAt, dueAt: dueAt,
            rechargeFails: o["rechargeFails"]?.boolValue ?? false)
    }

    func user(_ o: JSONObject, _ at: String) throws -> SandboxUser {
        SandboxUser(
            email: try string(o, "email", at), mobileNumber: try string(o, "mobileNumber", at),
            mobilePrefix: try string(o, "mobilePrefix", at), firstName: try string(o, "firstName", at),
            lastName: try string(o, "lastName", at), countryCode: try string(o, "countryCode", at),
            state: try string(o, "state", at), city: try string(o, "city", at),
            addressLine: try string(o, "addressLine", at), postCode: try string(o, "postCode", at),
            status: try enumeration(o, "status", at), outcome: try enumeration(o, "outcome", at),
            settlesAt: try date(o, "settlesAtMs", at), submittedAt: try date(o, "submittedAtMs", at) ?? Date())
    }

    func card(_ o: JSONObject, _ at: String) throws -> SandboxCard {
        guard let pinSet = o["pinSet"]?.boolValue else { throw fail("\(at).pinSet", "expected a boolean") }
        return SandboxCard(
            cardID: try string(o, "cardID", at), series: try enumeration(o, "series", at), index: try int(o, "index", at),
            email: try string(o, "email", at), status: try enumeration(o, "status", at), pinSet: pinSet,
            balance: try cents(o, "balance", at), currency: try string(o, "currency", at),
            expiryDate: try string(o, "expiryDate", at))
    }

    func transaction(_ o: JSONObject, _ at: String) throws -> SandboxTransaction {
        let amountText = try string(o, "amount", at)
        let magnitude = amountText.hasPrefix("-") ? String(amountText.dropFirst()) : amountText
        guard let amount = Cents(text: magnitude) else { throw fail("\(at).amount", "expected an amount") }
        guard let time = try date(o, "timeMs", at) else { throw fail("\(at).timeMs", "expected milliseconds") }
        var purchase: PurchaseDetails?
        if let details = o["purchase"], details != .null {
            let p = try object(details, "\(at).purchase")
            purchase = PurchaseDetails(
                merchantName: try string(p, "merchantName", at), transCurrency: try string(p, "transCurrency", at),
                transAmountText: try string(p, "transAmount", at), feeText: try string(p, "fee", at))
        }
        return SandboxTransaction(
            transactionId: try string(o, "transactionId", at), cardID: try string(o, "cardID", at),
            type: try enumeration(o, "type", at), amount: amount, amountText: amountText,
            currency: try string(o, "currency", at), status: try enumeration(o, "status", at), time: time,
            committedAt: try date(o, "committedAtMs", at) ?? time, settlesAt: try date(o, "settlesAtMs", at),
            settlesTo: o["settlesTo"] == nil ? .success : try enumeration(o, "settlesTo", at),
            requestNo: try string(o, "requestNo", at), purchase: purchase)
    }
}
