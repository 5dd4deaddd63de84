// SandboxState+Lifecycle: updCardStatus and closeCard (with the refund of the balance).

import KazeProtocol

extension SandboxState {
    /// updCardStatus: ACTIVE <-> INACTIVE; setting the current status again is accepted.
    mutating func setStatus(_ fields: Fields) throws -> OperationResult {
        let cardID = try fields.cardID()
        let wanted = try fields.requiredChoice("status", of: .setStatus)
        guard let status = CardStatus(rawValue: wanted) else { throw SandboxFailure.param("status", "is not a card status") }
        var card = try changeableCard(cardID)
        card.status = status
        put(card)
        return .success(JSONObject([("cardID", .string(cardID)), ("status", .string(status.rawValue))]))
    }

    /// closeCard: settles the card's pending recharges, refunds the balance to the merchant
    /// and closes the card. A closed card cannot be closed again (STATE_ERROR).
    mutating func close(_ fields: Fields, _ context: RequestContext) throws -> OperationResult {
        let cardID = try fields.cardID()
        guard try card(cardID).status != .closed else { throw SandboxFailure.state("card is already CLOSED") }
        settleRecharges(ofCard: cardID, at: context.now)
        var card = try card(cardID)
        let refund = card.balance
        let txnId = nextTransactionId()
        append(
            SandboxTransaction(
                transactionId: txnId, cardID: cardID, type: .closeRefund, amount: refund, amountText: refund.text,
                currency: card.currency, status: .success, time: context.platformNow, committedAt: context.now,
                settlesAt: nil, settlesTo: .success, requestNo: context.requestNo))
        moveMerchantMoney(refund, credit: true)
        card.balance = .zero
        card.status = .closed
        put(card)
        return .success(
            JSONObject([
                ("cardID", .string(cardID)), ("status", .string("CLOSE_PROCESSING")),
                ("refundAmt", .string(refund.text)), ("currency", .string(card.currency)), ("txnId", .string(txnId)),
            ]))
    }
}
