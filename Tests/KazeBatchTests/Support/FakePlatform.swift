// FakePlatform: a CardAPI test double that keeps recharges like the platform would and
// injects any CallResult on request — including "committed, then the answer was lost".

import Foundation
import KazeClient
import KazeProtocol

@testable import KazeBatch

/// A scripted, stateful stand-in for KazePay.
final class FakePlatform: CardAPI, @unchecked Sendable {
    /// What to do with one state-changing call.
    enum Fault: Equatable {
        case commitThenUnknown, unknownWithoutCommit, commitThenProtocolError
        case commitThenHTTP(Int)
        case duplicateRequest
        /// Answer normally, but only after `seconds` (real time).
        case slow(Double)
        case rateLimited(Double?)
        case systemError
        case http(Int)
        case notSent
        case businessFailure, paramError
    }

    struct Transaction: Equatable {
        let id: String, cardID: String, amount: String, currency: String, time: String, requestNo: String
    }

    private let lock = NSLock()
    private var script: [String: [Fault]] = [:]
    private(set) var transactions: [Transaction] = []
    private(set) var calls: [(APIOperation, String, String)] = []  // operation, key, requestNo
    private(set) var pinSets: [String: Int] = [:]
    private var kycEmails: Set<String> = []
    /// The last status set on each card (set-status).
    private(set) var statuses: [String: String] = [:]
    /// The platform's wall clock minus real UTC, in seconds (its clock error plus its zone):
    /// applied to transaction times and to the list filters.
    var wallOffset = 0
    /// The platform's UTC clock minus real UTC, reported through `platformClock` as a `Date`
    /// header would; nil reports nothing.
    var dateHeaderSkew: Double?
    let platformClock: PlatformClock? = PlatformClock()

    /// Faults for the next calls on `key` (cardID or email), used in order.
    func script(_ key: String, _ faults: [Fault]) { lock.withLock { script[key, default: []] += faults } }

    /// How many recharges `cardID` received.
    func credits(_ cardID: String) -> Int { lock.withLock { transactions.filter { $0.cardID == cardID }.count } }

    /// Calls made of `operation`.
    func callCount(_ operation: APIOperation) -> Int { lock.withLock { calls.filter { $0.0 == operation }.count } }

    /// The requestNos sent for `operation` on `key`.
    func requestNos(_ operation: APIOperation, key: String) -> [String] {
        lock.withLock { calls.filter { $0.0 == operation && $0.1 == key }.map(\.2) }
    }

    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        let key = body.text("cardID") ?? body.text("email") ?? ""
        let delay: Double? = lock.withLock {
            guard case .slow(let seconds)? = script[key]?.first else { return nil }
            script[key]?.removeFirst()
            return seconds
        }
        if let delay { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
        let sent = Date()
        let outcome = lock.withLock { handle(operation, body, requestNo) }
        if let skew = lock.withLock({ dateHeaderSkew }) {
            let now = Date()
            platformClock?.observe(
                sent: sent, received: now,
                serverDate: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + skew).rounded(.down)))
        }
        return outcome
    }

    /// Adds a recharge transaction nobody's answer reported (a commit that landed late, or
    /// another source's credit), dated now (platform time).
    func addTransaction(cardID: String, amount: String, currency: String = "USD") {
        lock.withLock {
            transactions.append(
                Transaction(
                    id: "TX\(transactions.count + 1)", cardID: cardID, amount: amount, currency: currency,
                    time: platformNow(), requestNo: "late"))
        }
    }

    private func platformNow() -> String { WireTime.text(Date().addingTimeInterval(Double(wallOffset))) }

    private func handle(_ operation: APIOperation, _ body: JSONObject, _ requestNo: String) -> CallResult {
        let key = body.text("cardID") ?? body.text("email") ?? ""
        calls.append((operation, key, requestNo))
        switch operation {
        case .transactions: return list(body)
        case .kycStatus:
            guard kycEmails.contains(key) else { return .platformError(code: .notFound, detail: "no such email", retryAfter: nil) }
            return .success(body: JSONObject([("encrypt", .string("SUCCESS")), ("status", .string("WAITING_KYC"))]))
        case .balance, .card:
            return .success(
                body: JSONObject([
                    ("encrypt", .string("SUCCESS")), ("cardID", .string(key)), ("avaBalance", .number("1.00")),
                    ("userBankCardStatus", .string(statuses[key] ?? "ACTIVE")),
                ]))
        default: break
        }
        let fault = script[key]?.isEmpty == false ? script[key]?.removeFirst() : nil
        switch fault {
        case .rateLimited(let after)?: return .platformError(code: .rateLimited, detail: "slow down", retryAfter: after)
        case .systemError?: return .platformError(code: .systemError, detail: "try later", retryAfter: nil)
        case .http(let status)?: return .httpError(status: status, retryAfter: nil)
        case .notSent?: return .notSent(reason: "connection refused")
        case .businessFailure?: return .businessFailure(body: JSONObject([("encrypt", .string("FAILED"))]))
        case .paramError?: return .platformError(code: .paramError, detail: "amount is bad", retryAfter: nil)
        case .unknownWithoutCommit?: return .unknown(reason: "timed out")
        case .duplicateRequest?: return .platformError(code: .duplicateRequest, detail: "requestNo already used", retryAfter: nil)
        case .commitThenUnknown?, .commitThenProtocolError?, .commitThenHTTP?, .slow?, nil: break
        }
        let response = commit(operation, body, requestNo, key: key)
        if case .commitThenHTTP(let status)? = fault { return .httpError(status: status, retryAfter: nil) }
        if fault == .commitThenUnknown { return .unknown(reason: "connection lost after sending") }
        if fault == .commitThenProtocolError { return .protocolError(reason: "bad signature") }
        return response
    }

    private func commit(_ operation: APIOperation, _ body: JSONObject, _ requestNo: String, key: String) -> CallResult {
        var fields: [(String, JSONValue)] = [("encrypt", .string("SUCCESS"))]
        switch operation {
        case .recharge:
            let id = "TX\(transactions.count + 1)"
            let currency = body.text("currency") ?? "USD"
            transactions.append(
                Transaction(
                    id: id, cardID: key, amount: body.text("amount") ?? "", currency: currency,
                    time: platformNow(), requestNo: requestNo))
            fields += [
                ("cardID", .string(key)), ("currency", .string(currency)), ("transactionId", .string(id)),
                ("transactionStatus", .string("PENDING")), ("sendAmount", .string(body.text("amount") ?? "")),
            ]
        case .setStatus:
            statuses[key] = body.text("status")
            fields.append(("cardID", .string(key)))
        case .setPin:
            pinSets[key, default: 0] += 1
            fields.append(("cardID", .string(key)))
        case .kyc:
            kycEmails.insert(key)
            fields.append(("status", .string("WAITING_KYC")))
        default:
            fields.append(("cardID", .string(key)))
        }
        return .success(body: JSONObject(fields))
    }

    private func list(_ body: JSONObject) -> CallResult {
        let cardID = body.text("cardID") ?? ""
        let start = body.text("transactionStartTime") ?? ""
        let end = body.text("transactionEndTime") ?? "9999"
        let size = Int(body.text("pageSize") ?? "10") ?? 10
        let page = Int(body.text("pageNum") ?? "1") ?? 1
        let wanted = body.text("transactionId")
        let matching = transactions.reversed().filter {
            $0.cardID == cardID && $0.time >= start && $0.time <= end && (wanted == nil || $0.id == wanted)
        }
        let items = matching.dropFirst(size * (page - 1)).prefix(size).map { tx in
            JSONValue.object(
                JSONObject([
                    ("cardID", .string(tx.cardID)), ("transactionId", .string(tx.id)), ("transactionTime", .string(tx.time)),
                    ("transCurrency", .string(tx.currency)), ("transCurrencyAmt", .string(tx.amount)),
                    ("transStatus", .string("SUCCESS")), ("transType", .string("Recharge")),
                ]))
        }
        return .success(body: JSONObject([("encrypt", .string("SUCCESS")), ("list", .array(Array(items)))]))
    }
}
