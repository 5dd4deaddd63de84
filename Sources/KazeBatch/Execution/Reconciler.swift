// Reconciler: decides what became of a row whose request may or may not have reached the
// platform, by reading the platform: recharges through queryTransactions, KYC through
// queryUcardKycStatus, card lifecycle changes through queryCard. What no read can decide
// stays undecided (UNKNOWN) and is never resent blindly. "Not done" is concluded only from a
// complete search, after the settle time.

import Foundation
import KazeProtocol

/// Resolves in-doubt rows of one operation.
struct Reconciler: Sendable {
    /// What a read proved about an in-doubt row.
    enum Verdict: Equatable {
        /// The platform did it; `fields` are safe response fields (e.g. the transactionId).
        case succeeded(detail: String, fields: [String: String])
        /// The platform refused it, or provably never did it (`NOT_COMMITTED`); `fields`
        /// name the transaction that decided it, if one did.
        case failed(code: String, detail: String, fields: [String: String]? = nil)
        /// No read can tell yet.
        case undecided(detail: String)
    }

    /// The transactions no row may take as its proof.
    struct Claims {
        /// This batch's claims.
        let own: TransactionClaims
        /// The other batches' of the state dir.
        let others: StateDirClaims

        /// True when `transactionId` already proves another row.
        /// - Throws: `JournalError.io` when an owner's entry cannot be read back.
        func contains(_ transactionId: String) throws -> Bool {
            try others.contains(transactionId) || own.contains(transactionId)
        }
    }

    let operation: APIOperation
    let api: any CardAPI
    let limiter: RateLimiter
    let makeRequestNo: @Sendable () -> String
    let options: ExecutionOptions
    let clock: any PacingClock

    /// The verdict for `row`, never matching a recharge transaction in `claims`; `offset`
    /// maps local times to the platform's wall clock.
    func decide(_ row: RowRecord, claims: Claims, offset: PlatformOffset, now: Date = Date()) async -> Verdict {
        switch operation {
        case .recharge: return await decideRecharge(row, claims: claims, offset: offset, now: now)
        case .kyc: return await decideKyc(row, now: now)
        case .activate, .setStatus, .close: return await decideCardState(row, now: now)
        case .assign:
            return .undecided(
                detail:
                    "an assignment cannot be confirmed by a read without its cardID; check the card and use --resend-unknown only if it was not assigned"
            )
        case .setPin: return .undecided(detail: "a PIN change cannot be confirmed by any read; use --resend-unknown to set it again")
        case .kycStatus, .card, .balance, .transactions: return .undecided(detail: "read-only; will simply be sent again")
        }
    }

    /// True when the last send is long enough ago that the request cannot still be in flight.
    func isSettled(_ row: RowRecord, now: Date) -> Bool {
        guard let text = row.lastSendTime, let sent = Timestamp.date(text) else { return true }
        return now.timeIntervalSince(sent) >= options.settleSeconds
    }

    /// "Not found" by a complete search after the settle time proves nothing was done;
    /// before it, wait.
    func notFound(_ row: RowRecord, now: Date, what: String) -> Verdict {
        if isSettled(row, now: now) {
            return .failed(code: "NOT_COMMITTED", detail: "reconciled: \(what); not done, send again with --retry-failed")
        }
        let wait = Int(options.settleSeconds.rounded(.up))
        return .undecided(
            detail: "\(what) yet; a late commit is possible for \(wait) s after the last send — run `kazebatch reconcile` after that")
    }

    /// One read-only typed request (see `read(_:_:)`).
    func read(_ request: some APIRequest) async -> CallResult {
        await read(type(of: request).operation, request.body)
    }

    /// One read-only call, asked again (up to `--max-attempts`, at least 3 times) while the
    /// answer proves nothing: a read does nothing, so asking again is always safe.
    func read(_ query: APIOperation, _ body: JSONObject) async -> CallResult {
        var outcome = CallResult.notSent(reason: "not tried")
        let attempts = max(3, options.maxAttempts)
        for attempt in 1...attempts {
            await limiter.acquire()
            outcome = await api.call(query, body: body, requestNo: makeRequestNo())
            guard isWorthAskingAgain(outcome) else { return outcome }
            if outcome.isRateLimited { await limiter.penalize(retryAfter: outcome.retryAfter) }
            if attempt < attempts { await clock.sleep(seconds: max(options.retryBaseDelay * Double(attempt), outcome.retryAfter ?? 0)) }
        }
        return outcome
    }

    /// The card's transaction `transactionId` as `queryTransactions` lists it, nil when it
    /// cannot be read or is not listed.
    func transaction(cardID: String, transactionId: String) async -> Transaction? {
        let query = TransactionsRequest(cardID: cardID, transactionId: transactionId, pageSize: 10, pageNum: 1)
        guard case .success(let body) = await read(query) else { return nil }
        return TransactionsResponse(body: body).list.first { $0.transactionId == transactionId }
    }

    /// A read may be asked again after anything but a final answer.
    private func isWorthAskingAgain(_ outcome: CallResult) -> Bool {
        switch outcome {
        case .success, .businessFailure: false
        case .platformError(let code, _, _): code.isRetryable
        case .httpError, .protocolError, .notSent, .unknown: true
        }
    }

    private func decideKyc(_ row: RowRecord, now: Date) async -> Verdict {
        guard let email = row.email else { return .undecided(detail: "the journal lacks the email to check") }
        switch await read(KycStatusRequest(email: email)) {
        case .success(let body):
            let status = KycStatusResponse(body: body).status ?? "?"
            return .succeeded(detail: "reconciled: KYC application found (status \(status))", fields: ["status": status])
        case .platformError(let code, _, _) where code == .notFound:
            return notFound(row, now: now, what: "no KYC application for this email")
        case let other:
            return .undecided(detail: "cannot read the KYC status (\(other))")
        }
    }

    private func decideCardState(_ row: RowRecord, now: Date) async -> Verdict {
        guard let cardID = row.cardID else { return .undecided(detail: "the journal lacks the cardID to check") }
        guard case .success(let body) = await read(CardRequest(cardID: cardID)),
            let status = CardResponse(body: body).userBankCardStatus
        else { return .undecided(detail: "cannot read the card's status") }
        let done: Set<String>
        switch operation {
        case .activate: done = ["ACTIVE", "ACTIVE_PROCESSING"]
        case .close: done = ["CLOSED", "CLOSE_PROCESSING", "CLOSE"]
        default: done = row.target.map { [$0] } ?? []
        }
        if done.contains(status) {
            return .succeeded(detail: "reconciled: the card is \(status)", fields: ["cardID": cardID, "status": status])
        }
        guard operation == .setStatus else { return .undecided(detail: "the card is \(status); cannot tell yet") }
        return notFound(row, now: now, what: "the card is still \(status)")
    }
}
