// SandboxState+LateCommit: `--late-commit-rate` — an operation is checked when it arrives (on
// a scratch copy, so nothing changes) and, when it would succeed, applied for real at its due
// time, getting its ids and transactionTime then.

import Foundation
import KazeProtocol

extension SandboxState {
    /// Accepts `operation` for a commit at `dueAt`. Returns true when it was scheduled: reads
    /// and operations that would fail commit nothing.
    mutating func acceptLate(
        _ operation: APIOperation, body: JSONObject, requestNo: String, digest: String?, rechargeFails: Bool,
        now: Date, dueAt: Date
    ) -> Bool {
        guard !operation.isReadOnly else { return false }
        var scratch = self
        guard case .success = scratch.run(operation, body, context(now: now, requestNo: requestNo, rechargeFails: rechargeFails))
        else { return false }
        changes.lateCommits = true
        lateCommits.append(
            LateCommit(
                operation: operation, requestNo: requestNo, body: SecretFields.redact(body), digest: digest, acceptedAt: now,
                dueAt: dueAt, rechargeFails: rechargeFails))
        remember(requestNo, digest: digest, operation: operation, result: nil, pending: true)
        return true
    }

    /// Applies every late commit due by `now`, each at its own due time. True when any was.
    mutating func applyLateCommits(dueBy now: Date) -> Bool {
        let due = lateCommits.filter { $0.dueAt <= now }.sorted { $0.dueAt < $1.dueAt }
        guard !due.isEmpty else { return false }
        lateCommits.removeAll { $0.dueAt <= now }
        changes.lateCommits = true
        for commit in due {
            let result = run(
                commit.operation, commit.restoredBody(cards: cards),
                context(now: commit.dueAt, requestNo: commit.requestNo, rechargeFails: commit.rechargeFails))
            remember(commit.requestNo, digest: commit.digest, operation: commit.operation, result: result)
        }
        return true
    }
}
