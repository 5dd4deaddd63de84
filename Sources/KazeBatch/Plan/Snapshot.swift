// Snapshot: read-only operations (card, balance, transactions, kyc-status) query every row
// again on each run — each run is a fresh batch, `<batch id>-<yyyyMMddTHHmmssZ>-<nonce>`,
// whose folder keeps that snapshot's results; an interrupted one can be continued.

import Foundation
import KazeCrypto

/// The snapshot batches of one read-only input.
public enum Snapshot {
    /// The name of a snapshot's own copy of its results, in its batch folder.
    public static let resultsFileName = "results.csv"

    /// A new snapshot's batch id: `base`, the time, and a random nonce (folder names sort by time).
    public static func fresh(base: String, at date: Date = Date()) -> String {
        base + "-" + Timestamp.compact(date) + "-" + Hex.encode((0..<3).map { _ in UInt8.random(in: 0...255) })
    }

    /// The snapshots of `base` in `stateRoot` whose batch.json names `input`, oldest first.
    public static func all(base: String, stateRoot: String, input: String) -> [String] {
        let resolved = ResolvedPath.of(input)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stateRoot)) ?? []
        return names.filter { $0.hasPrefix(base + "-") }.sorted().filter { name in
            let folder = StateFolder(batchID: name, stateDir: stateRoot, inputPath: input)
            return (try? BatchInfo.read(folder: folder))??.input == resolved
        }
    }

    /// The newest snapshot of `base` on `input` that never finished (no run report: killed,
    /// or stopped by an error), nil when there is none.
    public static func newestInterrupted(base: String, stateRoot: String, input: String) -> String? {
        all(base: base, stateRoot: stateRoot, input: input).last { name in
            RunReportFile.list(folder: StateFolder(batchID: name, stateDir: stateRoot, inputPath: input)).isEmpty
        }
    }
}
