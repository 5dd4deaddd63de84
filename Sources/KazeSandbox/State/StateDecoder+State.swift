// StateDecoder+State: the users, cards and transactions of a state file.

import Foundation
import KazeProtocol

extension StateDecoder {
    /// The state in `root`, with the delays of this run.
    func state(_ root: JSONValue, kycDelay: TimeInterval, pendingDelay: TimeInterval) throws -> SandboxState {
        let top = try object(root, "state")
        var state = SandboxState(
            inventorySize: try int(top, "inventorySize", "state"), merchantBalance: try cents(top, "merchantBalance", "state"),
            kycDelay: kycDelay, pendingDelay: pendingDelay)
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
        state.indexUnsettled()
        return state
    }

    private func user(_ o: JSONObject, _ at: String) throws -> SandboxUser {
        SandboxUser(
            email: try string(o, "email", at), mobileNumber: try string(o, "mobileNumber", at),
            mobilePrefix: try string(o, "mobilePrefix", at), firstName: try string(o, "firstName", at),
            lastName: try string(o, "lastName", at), countryCode: try string(o, "countryCode", at),
            state: try string(o, "state", at), city: try string(o, "city", at),
            addressLine: try string(o, "addressLine", at), postCode: try string(o, "postCode", at),
            status: try enumeration(o, "status", at), outcome: try enumeration(o, "outcome", at),
            settlesAt: try date(o, "settlesAtMs", at), submittedAt: try date(o, "submittedAtMs", at) ?? Date())
    }

    private func card(_ o: JSONObject, _ at: String) throws -> SandboxCard {
        guard let pinSet = o["pinSet"]?.boolValue else { throw fail("\(at).pinSet", "expected a boolean") }
        return SandboxCard(
            cardID: try string(o, "cardID", at), series: try enumeration(o, "series", at), index: try int(o, "index", at),
            email: try string(o, "email", at), status: try enumeration(o, "status", at), pinSet: pinSet,
            balance: try cents(o, "balance", at), currency: try string(o, "currency", at),
            expiryDate: try string(o, "expiryDate", at))
    }

    private func transaction(_ o: JSONObject, _ at: String) throws -> SandboxTransaction {
        let amountText = try string(o, "amount", at)
        guard let amount = Cents(text: amountText) else { throw fail("\(at).amount", "expected an amount") }
        guard let time = try date(o, "timeMs", at) else { throw fail("\(at).timeMs", "expected milliseconds") }
        return SandboxTransaction(
            transactionId: try string(o, "transactionId", at), cardID: try string(o, "cardID", at),
            type: try enumeration(o, "type", at), amount: amount, amountText: amountText,
            currency: try string(o, "currency", at), status: try enumeration(o, "status", at), time: time,
            settlesAt: try date(o, "settlesAtMs", at), requestNo: try string(o, "requestNo", at))
    }
}
