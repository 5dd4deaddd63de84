// ResultsTable: a results CSV read back as its header and rows of cells by column name.

import Foundation

/// A results file read back.
public struct ResultsTable {
    /// The column names.
    public let header: [String]
    /// Every data row, cells by column name.
    public let rows: [[String: String]]

    /// Reads the CSV at `path` (RFC 4180, see `CSVText`).
    public init(path: String) throws {
        let lines = CSVText.rows(try String(contentsOfFile: path, encoding: .utf8))
        header = lines.first ?? []
        rows = lines.dropFirst().map { Dictionary(zip(lines[0], $0), uniquingKeysWith: { first, _ in first }) }
    }

    /// The cells of column `name`, row by row ("" where a row has no such cell).
    public func column(_ name: String) -> [String] { rows.map { $0[name] ?? "" } }
}
