// Executor+Reconcile: settles the rows whose outcome is in doubt — UNKNOWN answers and
// requests cut off by a crash — one at a time, so that no two rows claim one transaction.

import Foundation

extension Executor {
    /// Reconciles every in-doubt row of a state-changing batch (read-only batches simply
    /// send them again). Rows the platform cannot decide stay UNKNOWN.
    /// - Throws: when the journal cannot be written.
    public func reconcileInDoubt() async throws {
        guard !operation.isReadOnly else { return }
        let reconciler = Reconciler(operation: operation, api: api, limiter: limiter, makeRequestNo: makeRequestNo,
                                    options: options)
        let rows = index.rows.values.filter(\.isInDoubt).sorted { $0.line < $1.line }
        for row in rows {
            let verdict = await reconciler.decide(row, claimed: index.claimedTransactionIds)
            var entry = JournalEntry(line: row.line, state: .unknown, time: Timestamp.text(), attempt: row.attempts,
                                     requestNo: row.requestNo)
            switch verdict {
            case .succeeded(let detail, let fields):
                entry.state = .succeeded
                (entry.code, entry.detail, entry.fields) = ("RECONCILED", detail, fields)
            case .failed(let code, let detail):
                entry.state = .failed
                (entry.code, entry.detail) = (code, detail)
            case .undecided(let detail):
                let code = row.state == .sent ? "INTERRUPTED" : (row.code ?? "UNKNOWN")
                guard row.state == .sent || row.detail != detail else { continue }
                (entry.code, entry.detail) = (code, detail)
            }
            try await commit(entry, ref: row.ref ?? "", record: nil)
        }
    }
}
