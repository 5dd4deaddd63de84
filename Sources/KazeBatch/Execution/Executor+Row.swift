// Executor+Row: one row's life — PENDING, then SENT/outcome per attempt. Every attempt of a
// row reuses its requestNo; only outcomes that prove nothing was done are retried; a row that
// was ever sent and may have been done is reconciled once more right before any resend.

import Foundation
import KazeProtocol

extension Executor {
    /// Sends one row until it succeeds, fails, becomes UNKNOWN, or runs out of attempts.
    func process(_ record: ValidRecord) async throws {
        let line = record.line
        if index.summary(line) == nil { try await commit(pendingEntry(record), ref: record.ref, record: record) }
        guard let prepared = try await prepareSend(record) else { return }
        var requestNo = prepared.requestNo
        let requestNoInDoubt = prepared.inDoubt
        let body: JSONObject
        do { body = try await record.requestBody(maxImageBytes: options.maxImageBytes) } catch {
            // Before SENT is journaled: this attempt sent nothing. The row is FAILED, unless an
            // earlier attempt with its requestNo may have been done: then it stays in doubt.
            let note = requestNoInDoubt ? "; an earlier attempt may have been done, to be reconciled" : ""
            try await finish(
                record, requestNoInDoubt ? .unknown : .failed, requestNo: requestNoInDoubt ? requestNo : nil,
                attempt: index.summary(line)?.attempts ?? 0, code: "IMAGE_CHANGED", detail: error.description + note)
            return
        }
        var attempt = index.summary(line)?.attempts ?? 0
        var tries = 0
        while true {
            await limiter.acquire()
            attempt += 1
            tries += 1
            var sent = JournalEntry(line: line, state: .sent, time: Timestamp.text(), attempt: attempt, requestNo: requestNo)
            if requestNoInDoubt { sent.requestNoInDoubt = true }
            try await commit(sent, ref: record.ref, record: record)
            progress.requests += 1
            let outcome = await api.call(operation, body: body, requestNo: requestNo)
            switch CallVerdict(outcome, operation: operation) {
            case .succeeded(let response):
                await limiter.reward()
                try await finish(
                    record, .succeeded, requestNo: requestNo, attempt: attempt, code: "SUCCESS", detail: "",
                    fields: ResponseFields.safeFields(of: response, for: operation))
                return
            case .failed(let code, let detail):
                try await finish(record, .failed, requestNo: requestNo, attempt: attempt, code: code, detail: detail)
                return
            case .inDoubt(let code, let detail):
                try await finish(
                    record, .unknown, requestNo: requestNo, attempt: attempt, code: code,
                    detail: "\(detail); outcome unknown, to be reconciled")
                return
            case .duplicateRequest(let detail):
                guard !requestNoInDoubt else {
                    try await finish(
                        record, .unknown, requestNo: requestNo, attempt: attempt, code: "DUPLICATE_REQUEST",
                        detail: "the platform has seen requestNo \(requestNo) before and an earlier attempt"
                            + " with it may have been done (\(detail)); outcome unknown, to be reconciled")
                    return
                }
                guard
                    try await mayRetry(
                        record, requestNo: requestNo, attempt: attempt, tries: tries, code: "DUPLICATE_REQUEST",
                        detail: "\(detail); every earlier attempt with requestNo \(requestNo) was refused,"
                            + " so it is sent again with a new requestNo")
                else { return }
                requestNo = makeRequestNo()
            case .transient(let code, let detail, let retryAfter, let rateLimited):
                if rateLimited { await limiter.penalize(retryAfter: retryAfter) }
                guard try await mayRetry(record, requestNo: requestNo, attempt: attempt, tries: tries, code: code, detail: detail)
                else { return }
                await clock.sleep(seconds: policy.delay(after: tries, retryAfter: retryAfter))
                guard !stopRequested else { return }  // left RETRY: it did nothing, the resume sends it
            }
        }
    }

    /// Journals RETRY for an attempt that proved nothing was done and returns true, or — when
    /// the row is out of attempts or the run is halting — journals FAILED and returns false.
    /// When the operator asked to stop, the row is left RETRY (false): the resume sends it.
    private func mayRetry(
        _ record: ValidRecord, requestNo: String, attempt: Int, tries: Int, code: String,
        detail: String
    ) async throws -> Bool {
        guard policy.allowsRetry(after: tries), haltReason == nil || stopRequested else {
            try await finish(
                record, .failed, requestNo: requestNo, attempt: attempt, code: code,
                detail: "gave up after \(tries) attempt\(tries == 1 ? "" : "s") in this run: \(detail)")
            return false
        }
        var retry = JournalEntry(line: record.line, state: .retry, time: Timestamp.text(), attempt: attempt, requestNo: requestNo)
        retry.code = code
        retry.detail = detail
        try await commit(retry, ref: record.ref, record: record)
        return !stopRequested
    }

    /// The requestNo for the row's next attempt, and whether an earlier attempt with it may
    /// have been done; nil when reconciling the row instead settled it (journaled and counted).
    /// A row never sent gets a new requestNo; a row whose last attempt proved nothing keeps
    /// its own; a row that was sent and may have been done is reconciled first.
    private func prepareSend(_ record: ValidRecord) async throws -> (requestNo: String, inDoubt: Bool)? {
        guard let summary = index.summary(record.line), summary.attempts > 0, !operation.isReadOnly,
            let row = try index.record(record.line)
        else { return (makeRequestNo(), false) }
        switch row.state {
        case .retry:
            return (row.requestNo ?? makeRequestNo(), row.requestNoInDoubt)
        case .pending, .succeeded, .settled:
            return (makeRequestNo(), false)
        case .failed, .settleFailed, .sent, .unknown:
            break
        }
        if let later = subjectKeys(row).compactMap({ latestSendPerSubject[$0] }).max(), later > row.line {
            let note = "not sent again: line \(later) of the same subject was sent after it (rows of one subject go in input order)"
            if !(row.detail ?? "").hasPrefix(note) {
                try await settle(
                    row, row.state == .failed ? .failed : .unknown, code: row.code ?? "UNKNOWN",
                    detail: note + "; was: " + (row.detail ?? ""), count: false)
            }
            return nil
        }
        if row.state == .failed, !Executor.mayHaveBeenDone(row) { return (makeRequestNo(), false) }
        let verdict = await decide(row)
        switch verdict {
        case .succeeded(let detail, let fields):
            try await settle(row, .succeeded, code: "RECONCILED", detail: detail, fields: fields)
            return nil
        case .failed(let code, let detail, let fields):
            if row.state != .failed || row.code != code {
                try await settle(row, .failed, code: code, detail: detail, fields: fields, count: false)
            }
            return (makeRequestNo(), false)
        case .undecided(let detail):
            if row.state == .failed {
                try await settle(
                    row, .unknown, code: "UNCONFIRMED",
                    detail: "was \(row.code ?? "FAILED"), but before sending it again that could not be confirmed: \(detail)")
                return nil
            }
            // --resend-unknown: the operator asks for a resend of a row no read can decide. The
            // same requestNo goes out, so a platform that deduplicates still protects the card.
            return (row.requestNo ?? makeRequestNo(), true)
        }
    }

    /// True when a FAILED row's outcome was concluded from the absence of its transaction, or
    /// from an answer that proves nothing (an HTTP status other than 429 in an older journal):
    /// it may still have been done, so it is reconciled again before a resend. A row whose
    /// own transaction the platform reports FAILED (`TRANSACTION_FAILED`, by reconciliation or
    /// `settle`) is proven not done: it is resent at once with a new requestNo.
    static func mayHaveBeenDone(_ row: RowRecord) -> Bool {
        guard let code = row.code else { return false }
        return code == "NOT_COMMITTED" || (code.hasPrefix("HTTP_") && code != "HTTP_429")
    }

    /// Journals a row's outcome and counts it.
    func finish(
        _ record: ValidRecord, _ state: JournalState, requestNo: String?, attempt: Int, code: String,
        detail: String, fields: [String: String]? = nil
    ) async throws {
        var entry = JournalEntry(line: record.line, state: state, time: Timestamp.text(), attempt: attempt, requestNo: requestNo)
        entry.code = code
        entry.detail = detail
        entry.fields = fields
        try await commit(entry, ref: record.ref, record: record)
        count(state, money: record.amount.map { ($0.decimal, record.currency) })
    }

    /// The PENDING entry, carrying what reconciliation will need (never a secret).
    private func pendingEntry(_ record: ValidRecord) -> JournalEntry {
        var entry = JournalEntry(line: record.line, state: .pending, time: Timestamp.text(), attempt: 0)
        entry.ref = record.ref
        entry.cardID = record.cardID
        entry.email = record.body.text("email")
        if operation == .setStatus { entry.target = record.body.text("status") }
        if operation.movesMoney {
            entry.amount = record.amount?.text
            entry.currency = record.currency
        }
        return entry
    }
}
