// BatchEvents: a batch's events as its journal and its audit file tell them — (line,
// requestNo, event) in file order — to check that the two agree.

import Foundation
import KazeBatch
import XCTest

/// One event: the input line, the requestNo and the state or event name.
public struct BatchEvent: Hashable, CustomStringConvertible {
    public let line: Int
    public let requestNo: String
    public let event: String
    public var description: String { "\(line)/\(requestNo)/\(event)" }
}

/// Reads a batch's events back from its journal and from its audit file.
public enum BatchEvents {
    /// The journal's events (every entry but PENDING), in journal order.
    public static func journal(_ path: String) throws -> [BatchEvent] {
        var events: [BatchEvent] = []
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for (index, line) in lines.enumerated() {
            guard let entry = JournalEntry(jsonLine: Array(line.utf8)) else {
                XCTFail("journal line \(index + 1) does not read back: \(line)")
                continue
            }
            if entry.state != .pending {
                events.append(BatchEvent(line: entry.line, requestNo: entry.requestNo ?? "", event: entry.state.rawValue))
            }
        }
        return events
    }

    /// The audit file's rows of `batch` in file order, and how many of them are marked recovered.
    public static func audit(_ path: String, batch: String) throws -> (events: [BatchEvent], recovered: Int) {
        var events: [BatchEvent] = []
        var recovered = 0
        for cells in CSVText.rows(try String(contentsOfFile: path, encoding: .utf8)).dropFirst() {
            XCTAssertEqual(cells.count, 15, "a plain audit row: \(cells)")
            guard cells.count == 15, cells[2] == batch, cells[7] != AuditRow.checkpointEvent else { continue }
            events.append(BatchEvent(line: Int(cells[3]) ?? 0, requestNo: cells[6], event: cells[7]))
            if cells[8].hasPrefix(AuditRow.recoveredMark) { recovered += 1 }
        }
        return (events, recovered)
    }
}
