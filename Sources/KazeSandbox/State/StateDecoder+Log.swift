// StateDecoder+Log: replays the operation log written beside a state file — each entry holds
// the records an operation changed as they were afterwards, so applying the entries in order
// onto the snapshot rebuilds the state.

import Foundation
import KazeProtocol

extension StateDecoder {
    /// Applies the entries of the log `text` numbered above `after` onto `state`.
    /// A last line without its newline (cut by a kill in the middle of a write) is ignored.
    /// - Returns: the number of the last entry applied (or `after`).
    func replay(_ text: String, onto state: inout SandboxState, after: Int) throws -> Int {
        var last = after
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let at = "log line \(number + 1)"
            guard let entry = (try? JSONValue.parse(Array(line.utf8)))?.objectValue else {
                if number == lines.count - 1 { break }
                throw fail(at, "not a log entry")
            }
            let sequence = try int(entry, "seq", at)
            guard sequence > last else { continue }
            try apply(entry, to: &state, at)
            last = sequence
        }
        return last
    }

    private func apply(_ entry: JSONObject, to state: inout SandboxState, _ at: String) throws {
        state.merchantBalance = try cents(entry, "merchantBalance", at)
        state.lastCardSequence = try int(entry, "lastCardSequence", at)
        state.lastTransactionSequence = try int(entry, "lastTransactionSequence", at)
        for item in entry["users"]?.arrayValue ?? [] {
            let user = try user(try object(item, "\(at).users"), "\(at).users")
            state.users[user.email] = user
        }
        for item in entry["cards"]?.arrayValue ?? [] {
            let card = try card(try object(item, "\(at).cards"), "\(at).cards")
            state.cards[card.cardID] = card
            state.assignedNumbers[card.cardNumber] = card.cardID
        }
        for item in entry["transactions"]?.arrayValue ?? [] {
            let o = try object(item, "\(at).transactions")
            let index = try int(o, "index", "\(at).transactions")
            let transaction = try transaction(o, "\(at).transactions")
            if index == state.transactions.count {
                state.transactions.append(transaction)
            } else if state.transactions.indices.contains(index) {
                state.transactions[index] = transaction
            } else {
                throw fail("\(at).transactions.index", "\(index) skips past the \(state.transactions.count) transactions")
            }
        }
        for item in entry["requests"]?.arrayValue ?? [] {
            let (requestNo, remembered) = try request(try object(item, "\(at).requests"), "\(at).requests")
            state.requests[requestNo] = remembered
        }
        if let commits = entry["lateCommits"]?.arrayValue {
            state.lateCommits = try commits.map { try lateCommit(try object($0, "\(at).lateCommits"), "\(at).lateCommits") }
        }
    }
}
