// ChaosMatrixTests: the chaos matrix behind `make chaos` — recharge, set-status and assign
// batches run by the real `kazebatch` binary against a real sandbox process misbehaving in
// one way (or all at once), the client SIGKILLed at seeded random moments and rerun, then the
// follow-ups the tool itself recommends (`reconcile`, `run --retry-failed`). Each cell prints
// `cell | rows | faults | kills | double | lost | unknown | seed`; every cell must end with no
// card paid twice and no row without one true outcome. Not part of `make test` (minutes).
// Quick by default; CHAOS_FULL=1 for more rows, kills and cells; CHAOS_SEED to replay.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class ChaosMatrixTests: XCTestCase {
    func testChaosMatrix() throws {
        let environment = ProcessInfo.processInfo.environment
        let full = environment["CHAOS_FULL"] == "1"
        let seed = environment["CHAOS_SEED"].flatMap(UInt64.init) ?? 20_261_203
        let only = environment["CHAOS_CELLS"].map { $0.split(separator: ",").map(String.init) }
        let settings = ChaosRun.Settings(rows: full ? 120 : 40, kills: full ? 8 : 3)
        var table = ["| cell | rows | faults | kills | double | lost | unknown | seed |", "|---|---|---|---|---|---|---|---|"]
        var failures: [String] = []
        var generator = SplitMix64(seed: seed)
        for cell in ChaosCell.matrix(full: full) where only.map({ $0.contains { cell.name.contains($0) } }) ?? true {
            let cellSeed = generator.next() % 1_000_000
            let result = try ChaosRun(cell: cell, seed: cellSeed, settings: settings).run()
            let row =
                "| \(cell.name) | \(result.rows) | \(result.faults) | \(result.kills) | \(result.double) | \(result.lost) | \(result.unknown) | \(cellSeed) |"
            print(row)
            table.append(row)
            if result.double != 0 || result.lost != 0 { failures.append("\(cell.name): \(result.notes.joined(separator: "; "))") }
            if !result.notes.isEmpty { print("  notes: " + result.notes.joined(separator: "; ")) }
        }
        let text = table.joined(separator: "\n") + "\n"
        print(text)
        let output = environment["CHAOS_TABLE"] ?? PackageFolder.root.appendingPathComponent(".build/chaos-table.md").path
        try? text.write(toFile: output, atomically: true, encoding: .utf8)
        XCTAssertEqual(failures, [], "cells that paid twice or lost a row")
    }
}
