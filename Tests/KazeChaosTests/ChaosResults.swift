// ChaosResults: the results file read back (RFC 4180: quoted cells may hold commas, quotes and
// line breaks) as one row per record with its first columns.

import Foundation

struct ChaosResults {
    struct Row {
        let ref: String
        let outcome: String
        let code: String
    }

    /// The rows of the results CSV at `path`; none when it does not exist yet.
    static func read(_ path: String) throws -> [Row] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let records = parse(try String(contentsOfFile: path, encoding: .utf8))
        return records.dropFirst().compactMap { cells in
            cells.count > 4 ? Row(ref: cells[1], outcome: cells[3], code: cells[4]) : nil
        }
    }

    /// RFC 4180 records of `text`.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                cells.append(cell)
                cell = ""
            case "\r": continue
            case "\n":
                cells.append(cell)
                records.append(cells)
                cells = []
                cell = ""
            default: cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            records.append(cells)
        }
        return records
    }
}
