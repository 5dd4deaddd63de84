// SandboxLogReplayTests: the operation log's replay on its own — entries after the snapshot
// are applied in order, older ones skipped, a last line cut mid-write ignored, a damaged line
// in the middle refused with its line number.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeSandbox

final class SandboxLogReplayTests: XCTestCase {
    private func startState() -> SandboxState {
        var state = SandboxState(inventorySize: 10, merchantBalance: Cents(10_000), rules: PlatformRules())
        state.seed(cards: 1, now: Date(timeIntervalSince1970: 1_700_000_000))
        return state
    }

    /// The log lines of three recharges of 1.00 on SB000001, numbered 1...3.
    private func threeRecharges() -> [String] {
        var state = startState()
        _ = state.takeChanges()
        return (1...3).map { number in
            let context = state.context(
                now: Date(timeIntervalSince1970: 1_700_000_000 + Double(number)), requestNo: "R\(number)", rechargeFails: false)
            _ = state.run(.recharge, JSONObject([("cardID", .string("SB000001")), ("amount", .number("1"))]), context)
            return state.logEntry(number, state.takeChanges()).compactText
        }
    }

    func testEntriesAfterTheSnapshotAreAppliedAndACutLastLineIgnored() throws {
        let lines = threeRecharges()
        var state = startState()
        let cut = String(lines[2].prefix(40))
        let last = try StateDecoder(path: "t.log").replay(lines[0] + "\n" + lines[1] + "\n" + cut, onto: &state, after: 0)
        XCTAssertEqual(last, 2)
        XCTAssertEqual(state.transactions.map(\.requestNo), ["R1", "R2"])
        XCTAssertEqual(state.merchantBalance, Cents(9_800))
        XCTAssertEqual(state.lastTransactionSequence, 2)

        var later = startState()
        XCTAssertEqual(try StateDecoder(path: "t.log").replay(lines.joined(separator: "\n") + "\n", onto: &later, after: 0), 3)
        var skipping = later
        XCTAssertEqual(try StateDecoder(path: "t.log").replay(lines.joined(separator: "\n"), onto: &skipping, after: 3), 3)
        XCTAssertEqual(skipping, later, "entries the snapshot already holds are skipped")
    }

    func testADamagedLineInTheMiddleIsRefusedWithItsNumber() {
        let lines = threeRecharges()
        var state = startState()
        XCTAssertThrowsError(try StateDecoder(path: "t.log").replay(lines[0] + "\n{oops\n" + lines[2], onto: &state, after: 0)) {
            XCTAssertTrue("\($0)".contains("log line 2"), "\($0)")
        }
    }
}
