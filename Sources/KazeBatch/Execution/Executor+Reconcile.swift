// Executor+Reconcile: settles the rows whose outcome is in doubt — UNKNOWN answers and
// requests cut off by a crash. Rows of different cards (or emails) are reconciled in
// parallel; rows of one card one after another, so no two rows claim one transaction.

import Foundation

extension Executor {
    /// Reconciles every in-doubt row of a state-changing batch (read-only batches simply
    /// send them again). Rows the platform cannot decide stay UNKNOWN.
    /// - Throws: when the journal cannot be read back or written.
    public func reconcileInDoubt() async throws {
        guard !operation.isReadOnly else { return }
        let reconciler = Reconciler(operation: operation, api: api, limiter: limiter, makeRequestNo: makeRequestNo,
                                    options: options, clock: clock)
        let rows = try index.inDoubtRecords()
        let groups = Dictionary(grouping: rows) { $0.cardID ?? $0.email ?? "line \($0.line)" }.values
            .sorted { $0[0].line < $1[0].line }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for rowsOfOneKey in groups {
                if running >= options.concurrency {
                    try await group.next()
                    running -= 1
                }
                group.addTask {
                    for row in rowsOfOneKey { try await self.reconcile(row, with: reconciler) }
                }
                running += 1
            }
            try await group.waitForAll()
        }
    }

    private func reconcile(_ row: RowRecord, with reconciler: Reconciler) async throws {
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
            guard row.state == .sent || row.detail != detail else { return }
            (entry.code, entry.detail) = (row.state == .sent ? "INTERRUPTED" : (row.code ?? "UNKNOWN"), detail)
        }
        try await commit(entry, ref: row.ref ?? "", record: nil, row: row)
    }
}
