// SandboxState+Recharge: cardRecharge (merchant balance down at once, card credited when the
// PENDING transaction settles) and queryTransactions (filters and paging).

import Foundation
import KazeProtocol

extension SandboxState {
    /// cardRecharge on an ACTIVE card; the amount is read from its JSON number text.
    mutating func recharge(_ fields: Fields, _ context: RequestContext) throws -> OperationResult {
        let cardID = try fields.cardID()
        let currency = try fields.currency()
        let amountText: String
        switch fields.body["amount"] {
        case nil, .null?: throw SandboxFailure.param("amount", "is required")
        case .number(let text)?: amountText = text
        default: throw SandboxFailure.param("amount", "must be a JSON number")
        }
        guard let amount = Cents(text: amountText), amount > .zero else {
            throw SandboxFailure.param("amount", "must be greater than 0 with at most 2 decimals")
        }
        let card = try card(cardID, holding: currency)
        guard card.status == .active else { throw SandboxFailure.state("card is \(card.status.rawValue), not ACTIVE") }
        guard merchantBalance >= amount else {
            throw SandboxFailure(code: .insufficientFunds, detail: "merchant balance \(merchantBalance.text) is below \(amount.text)")
        }
        moveMerchantMoney(amount, credit: false)
        let transactionId = nextTransactionId()
        append(
            SandboxTransaction(
                transactionId: transactionId, cardID: cardID, type: .recharge, amount: amount, amountText: amountText,
                currency: currency, status: .pending, time: context.platformNow, committedAt: context.now,
                settlesAt: context.now.addingTimeInterval(rules.pendingDelay),
                settlesTo: context.rechargeFails ? .failed : .success, requestNo: context.requestNo))
        unsettledTransactions.append(transactions.count - 1)
        return .success(
            JSONObject([
                ("cardID", .string(cardID)), ("currency", .string(currency)), ("transactionId", .string(transactionId)),
                ("transactionStatus", .string(TransactionStatus.pending.rawValue)), ("sendAmount", .string(amountText)),
            ]))
    }

    /// queryTransactions: the card's transactions, newest first, filtered and paged. A page
    /// holds at most `rules.pageSizeCap` entries whatever `pageSize` asks; the filter times
    /// are read in the platform's zone.
    func listTransactions(_ fields: Fields) throws -> OperationResult {
        let cardID = try fields.cardID()
        let wantedId = try fields.english("transactionId", of: .transactions)
        let pageSize = min(try fields.optionalInt("pageSize", of: .transactions) ?? 10, rules.pageSizeCap)
        let pageNum = try fields.optionalInt("pageNum", of: .transactions) ?? 1
        let start = try time(fields, "transactionStartTime")
        let end = try time(fields, "transactionEndTime")
        _ = try card(cardID)
        let matching = transactions.reversed().filter { transaction in
            transaction.cardID == cardID && (wantedId == nil || transaction.transactionId == wantedId)
                && (start.map { transaction.time >= $0 } ?? true) && (end.map { transaction.time < $0 + 1 } ?? true)
        }
        let page = matching.dropFirst(pageSize * (pageNum - 1)).prefix(pageSize)
        return .success(JSONObject([("list", .array(page.map { .object($0.listEntry(rules.clock)) }))]))
    }

    private func time(_ fields: Fields, _ name: String) throws -> Date? {
        guard let text = try fields.optional(name) else { return nil }
        guard let date = rules.clock.parse(text) else {
            throw SandboxFailure.param(name, "must be a time as yyyy-MM-dd HH:mm:ss")
        }
        return date
    }
}

extension SandboxTransaction {
    /// The transaction as one `list` entry of queryTransactions, its time written by `clock`.
    func listEntry(_ clock: PlatformClock) -> JSONObject {
        let (respCode, respCodeDesc) =
            switch status {
            case .success: ("00", "Approved")
            case .pending: ("00", "Processing")
            case .failed: ("05", "Declined")
            }
        return JSONObject([
            ("cardID", .string(cardID)), ("transactionId", .string(transactionId)),
            ("transactionTime", .string(clock.text(time))), ("cardCurrency", .string(currency)),
            ("cardCurrencyAmt", .string(amountText)), ("transCurrency", .string(purchase?.transCurrency ?? currency)),
            ("transCurrencyAmt", .string(purchase?.transAmountText ?? amountText)), ("feeCurrency", .string(currency)),
            ("fee", .string(purchase?.feeText ?? "0.00")), ("transStatus", .string(status.rawValue)),
            ("transType", .string(type.rawValue)), ("merchantName", .string(purchase?.merchantName ?? "KazePay Sandbox")),
            ("respCode", .string(respCode)), ("respCodeDesc", .string(respCodeDesc)),
        ])
    }
}
