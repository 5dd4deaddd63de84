// Executor+Reconcile: settles the rows whose outcome is in doubt — UNKNOWN answers and
// requests cut off by a crash. Rows of different cards (or emails) are reconciled in
// parallel; rows of one card one after another, so no two rows claim one transaction.

import Foundation

extension Executor {
    /// Reconciles every in-doubt row of a state-changing batch (read-only batches simply
    /// send them again). Rows the platform cannot decide stay UNKNOWN. Once the operator asks
    /// to stop, no further row is read; the rest stay in doubt for the next run.
    /// - Throws: when the journal cannot be read back or written.
    public func reconcileInDoubt() async throws {
        guard !operation.isReadOnly else { return }
        let rows = try index.inDoubtRecords()
        let groups = Dictionary(grouping: rows) { $0.cardID ?? $0.email ?? "line \($0.line)" }.values
            .sorted { $0[0].line < $1[0].line }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for rowsOfOneKey in groups where !stopRequested {
                if running >= options.concurrency {
                    try await group.next()
                    running -= 1
                }
                group.addTask {
                    for row in rowsOfOneKey where await !self.stopRequested { try await self.reconcile(row) }
                }
                running += 1
            }
            try await group.waitForAll()
        }
    }

    /// What the platform says of `row` now.
    func decide(_ row: RowRecord) async -> Reconciler.Verdict {
        let claims = Reconciler.Claims(own: index.claimedTransactionIds, others: otherClaims)
        let offset = await platformOffset(probeCard: row.cardID)
        return await reconciler.decide(row, claims: claims, offset: offset)
    }

    private func reconcile(_ row: RowRecord) async throws {
        switch await decide(row) {
        case .succeeded(let detail, let fields):
            try await settle(row, .succeeded, code: "RECONCILED", detail: detail, fields: fields, count: false)
        case .failed(let code, let detail, let fields):
            try await settle(row, .failed, code: code, detail: detail, fields: fields, count: false)
        case .undecided(let detail):
            guard row.state == .sent || row.detail != detail else { return }
            try await settle(
                row, .unknown, code: row.state == .sent ? "INTERRUPTED" : (row.code ?? "UNKNOWN"),
                detail: detail, count: false)
        }
    }

    /// Journals what reconciliation decided for `row` (counting it as a finished row of this
    /// run when `count`).
    func settle(
        _ row: RowRecord, _ state: JournalState, code: String, detail: String,
        fields: [String: String]? = nil, count counted: Bool = true
    ) async throws {
        var entry = JournalEntry(
            line: row.line, state: state, time: Timestamp.text(), attempt: row.attempts,
            requestNo: row.requestNo)
        (entry.code, entry.detail, entry.fields) = (code, detail, fields)
        try await commit(entry, ref: row.ref ?? "", record: nil, row: row)
        if counted { count(state) }
    }
}
