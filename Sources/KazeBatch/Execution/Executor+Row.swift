// Executor+Row: one row's life — PENDING, then SENT/outcome per attempt, retrying only
// outcomes that prove nothing was done, with a new requestNo each time.

import Foundation
import KazeClient
import KazeProtocol

extension Executor {
    /// Sends one row until it succeeds, fails, becomes UNKNOWN, or runs out of attempts.
    func process(_ record: ValidRecord) async throws {
        let line = record.line
        if index.summary(line) == nil { try await commit(pendingEntry(record), ref: record.ref, record: record) }
        let body: JSONObject
        do { body = try record.requestBody() } catch {
            try await finish(record, .failed, requestNo: nil, attempt: index.summary(line)?.attempts ?? 0,
                             code: "IMAGE_UNREADABLE", detail: "\(error)")
            return
        }
        var attempt = index.summary(line)?.attempts ?? 0
        var tries = 0
        while true {
            await limiter.acquire()
            attempt += 1
            tries += 1
            let requestNo = makeRequestNo()
            try await commit(JournalEntry(line: line, state: .sent, time: Timestamp.text(), attempt: attempt, requestNo: requestNo),
                             ref: record.ref, record: record)
            progress.requests += 1
            let outcome = await api.call(operation, body: body, requestNo: requestNo)
            switch CallVerdict(outcome, operation: operation) {
            case .succeeded(let response):
                await limiter.reward()
                try await finish(record, .succeeded, requestNo: requestNo, attempt: attempt, code: "SUCCESS", detail: "",
                                 fields: ResponseFields.safeFields(of: response, for: operation))
                return
            case .failed(let code, let detail):
                try await finish(record, .failed, requestNo: requestNo, attempt: attempt, code: code, detail: detail)
                return
            case .inDoubt(let code, let detail):
                try await finish(record, .unknown, requestNo: requestNo, attempt: attempt, code: code,
                                 detail: "\(detail); outcome unknown, to be reconciled")
                return
            case .transient(let code, let detail, let retryAfter, let rateLimited):
                if rateLimited { await limiter.penalize(retryAfter: retryAfter) }
                guard policy.allowsRetry(after: tries), haltReason == nil else {
                    try await finish(record, .failed, requestNo: requestNo, attempt: attempt, code: code,
                                     detail: "gave up after \(tries) attempt\(tries == 1 ? "" : "s") in this run: \(detail)")
                    return
                }
                var retry = JournalEntry(line: line, state: .retry, time: Timestamp.text(), attempt: attempt, requestNo: requestNo)
                retry.code = code
                retry.detail = detail
                try await commit(retry, ref: record.ref, record: record)
                await clock.sleep(seconds: policy.delay(after: tries, retryAfter: retryAfter))
            }
        }
    }

    /// Journals a row's outcome and counts it.
    func finish(_ record: ValidRecord, _ state: JournalState, requestNo: String?, attempt: Int, code: String,
                detail: String, fields: [String: String]? = nil) async throws {
        var entry = JournalEntry(line: record.line, state: state, time: Timestamp.text(), attempt: attempt, requestNo: requestNo)
        entry.code = code
        entry.detail = detail
        entry.fields = fields
        try await commit(entry, ref: record.ref, record: record)
        count(state)
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
