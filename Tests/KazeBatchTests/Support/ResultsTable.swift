// ResultsTable: a results CSV read back as its header and rows of cells by column name.

import Foundation
import XCTest
@testable import KazeBatch

/// A results file read back.
struct ResultsTable {
    let header: [String]
    let rows: [[String: String]]

    /// Reads the CSV at `path` (RFC 4180, the project's own reader).
    init(path: String) throws {
        var reader = CSVReader(source: try ByteSource(path: path))
        var row = CSVRow()
        var lines: [[String]] = []
        while try reader.next(into: &row) {
            lines.append((0..<row.fieldCount).map { String(decoding: row.field($0), as: UTF8.self) })
        }
        header = lines.first ?? []
        rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }
}
