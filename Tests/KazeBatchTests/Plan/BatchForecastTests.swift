// BatchForecastTests: `plan`'s forecast from a journal — each journal state counted where `run`
// would put it, and the money of only what would be sent.

import Foundation
import XCTest

@testable import KazeBatch

final class BatchForecastTests: XCTestCase {
    func testEveryJournalStateIsCountedWhereRunWouldPutIt() async throws {
        let harness = try Harness()
        defer { harness.folder.remove() }
        try harness.stateFolder.create()
        let journal = try Journal(path: harness.stateFolder.journalPath)
        let states: [(Int, JournalState)] = [(2, .succeeded), (3, .failed), (4, .sent), (5, .unknown), (6, .pending), (7, .retry)]
        for (line, state) in states {
            try await journal.append(
                JournalEntry(line: line, state: state, time: "2026-01-01T00:00:00Z", attempt: 1, requestNo: "R\(line)"))
        }
        let source = ArraySource.recharges([
            ("SB1", "1.00"), ("SB2", "2.00"), ("SB3", "4.00"), ("SB4", "8.00"),
            ("SB5", "16.00"), ("SB6", "32.00"), ("SB7", "64.00"), ("SB8", "128.00"),
        ])
        let index = try JournalIndex.load(path: harness.stateFolder.journalPath)
        let plain = try BatchForecast(operation: .recharge, source: source, journal: index, options: ExecutionOptions())
        XCTAssertEqual([plain.toSend, plain.failed, plain.inDoubt, plain.finished], [4, 1, 2, 1])
        XCTAssertEqual(plain.sending.totalsText, ["USD:240.00"], "PENDING, RETRY and the two unjournaled rows: 16 + 32 + 64 + 128")
        var retrying = ExecutionOptions()
        retrying.retryFailed = true
        let withRetry = try BatchForecast(operation: .recharge, source: source, journal: index, options: retrying)
        XCTAssertEqual(withRetry.sending.valid, 5)
        XCTAssertEqual(withRetry.sending.totalsText, ["USD:242.00"], "and the FAILED row")
    }
}
