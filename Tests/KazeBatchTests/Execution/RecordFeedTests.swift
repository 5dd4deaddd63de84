// Tests for the record feed: input order, bounded read-ahead (constant memory), early stop.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeBatch

final class RecordFeedTests: XCTestCase {
    /// Counts how many records the reader has produced so far.
    private final class CountingSource: BatchSource, @unchecked Sendable {
        private let lock = NSLock()
        private var produced = 0
        let total: Int
        init(total: Int) { self.total = total }
        var count: Int { lock.withLock { produced } }
        func forEachRecord(_ body: (ValidationResult) throws -> Void) throws {
            for line in 2..<(2 + total) {
                lock.withLock { produced += 1 }
                try body(.valid(ValidRecord(line: line, ref: "", operation: .balance, body: JSONObject([("cardID", .string("SB1"))]))))
            }
        }
    }

    func testReadsInOrderWithBoundedReadAhead() async throws {
        let source = CountingSource(total: 1000)
        let feed = RecordFeed(source: source, buffer: 4)
        var lines: [Int] = []
        for try await record in feed.start() {
            lines.append(record.line)
            if lines.count == 10 {
                try await Task.sleep(nanoseconds: 100_000_000)  // let the reader run ahead as far as it may
                XCTAssertLessThanOrEqual(source.count, 10 + 4 + 1, "the reader waits for the consumer")
            }
            feed.taken()
        }
        XCTAssertEqual(lines, Array(2..<1002))
    }

    func testCancellingStopsTheReader() async throws {
        let source = CountingSource(total: 100_000)
        let feed = RecordFeed(source: source, buffer: 2)
        var received = 0
        for try await _ in feed.start() {
            received += 1
            feed.taken()
            if received == 5 { break }
        }
        feed.cancel()
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertLessThan(source.count, 100, "the reader stopped instead of reading the whole input")
    }
}
