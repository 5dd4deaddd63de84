// BatchStatus: one look at a batch's state folder, read only — rows per journal state, money
// per currency and outcome (recharges), and whether a run holds the batch's lock now.

import Foundation
import KazeBatch
import KazeProtocol

/// A snapshot of a batch for `status`.
struct BatchStatus {
    /// The names `status` counts rows under, in print order: SUCCEEDED, FAILED and UNKNOWN as
    /// journaled; IN_FLIGHT a request went out with no outcome journaled (a run is sending it,
    /// or one was cut off: the next run reconciles it); PENDING picked up with no request out,
    /// or the last attempt proved nothing was done (the next run sends it).
    static let states = ["SUCCEEDED", "FAILED", "UNKNOWN", "IN_FLIGHT", "PENDING"]

    /// Rows per state name.
    private(set) var counts: [String: Int] = [:]
    /// Recharge money per currency and outcome (PENDING rows count as SKIPPED).
    private(set) var money = MoneyTotals()
    /// True while a run holds the batch's lock.
    let running: Bool
    /// True when the journal ends in a line a crash cut off.
    private(set) var tornJournal = false

    /// Reads `folder`'s journal (absent: no rows yet) and probes its lock; never takes it.
    /// - Throws: `JournalError` when the journal or lock cannot be read.
    init(folder: StateFolder, operation: APIOperation) throws {
        running = try BatchLock.holder(of: folder.lockPath) != nil
        guard FileManager.default.fileExists(atPath: folder.journalPath) else { return }
        let index = try JournalIndex.load(path: folder.journalPath)
        tornJournal = index.hadTornLine
        for row in index.rows {
            let (name, outcome) = Self.name(of: row.state)
            counts[name, default: 0] += 1
            guard operation.movesMoney, let pending = try index.pendingEntry(row.line), let text = pending.amount,
                let amount = Amount(text)?.decimal
            else { continue }
            money.add(amount, currency: pending.currency ?? "USD", outcome: outcome)
        }
    }

    /// Rows counted under `name`.
    func count(_ name: String) -> Int { counts[name] ?? 0 }

    /// Rows with a final word (SUCCEEDED, FAILED, UNKNOWN).
    var finished: Int { count("SUCCEEDED") + count("FAILED") + count("UNKNOWN") }

    /// Journaled rows.
    var journaled: Int { counts.values.reduce(0, +) }

    private static func name(of state: JournalState) -> (String, RowOutcome) {
        switch state {
        case .succeeded, .settled: return ("SUCCEEDED", .succeeded)
        case .failed, .settleFailed: return ("FAILED", .failed)
        case .unknown: return ("UNKNOWN", .unknown)
        case .sent: return ("IN_FLIGHT", .unknown)
        case .pending, .retry: return ("PENDING", .skipped)
        }
    }
}
