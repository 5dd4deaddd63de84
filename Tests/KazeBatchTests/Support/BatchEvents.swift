// BatchEvents: a batch's events as its journal and its audit file tell them — (line,
// requestNo, event) in file order — to check that the two agree.

import Foundation
import XCTest
@testable import KazeBatch

/// One event: the input line, the requestNo and the state or event name.
struct BatchEvent: Hashable, CustomStringConvertible {
    let line: Int
    let requestNo: String
    let event: String
    var description: String { "\(line)/\(requestNo)/\(event)" }
}

enum BatchEvents {
    /// The journal's events (every entry but PENDING), in journal order.
    static func journal(_ path: String) throws -> [BatchEvent] {
        var events: [BatchEvent] = []
        try LineReader(path: path).forEachRawLine { bytes, number, _, _ in
            let entry = try XCTUnwrap(JournalEntry(jsonLine: bytes), "journal line \(number)")
            if entry.state != .pending {
                events.append(BatchEvent(line: entry.line, requestNo: entry.requestNo ?? "", event: entry.state.rawValue))
            }
        }
        return events
    }

    /// The audit file's rows of `batch` in file order, and how many of them are marked recovered.
    static func audit(_ path: String, batch: String) throws -> (events: [BatchEvent], recovered: Int) {
        var events: [BatchEvent] = []
        var recovered = 0
        for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(cells.count, 15, "a plain audit row: \(row)")
            guard cells.count == 15, cells[2] == batch, cells[7] != AuditRow.checkpointEvent else { continue }
            events.append(BatchEvent(line: Int(cells[3]) ?? 0, requestNo: cells[6], event: cells[7]))
            if cells[8].hasPrefix(AuditRow.recoveredMark) { recovered += 1 }
        }
        return (events, recovered)
    }
}
