// AuditCells: splits one physical audit line back into its cells (the inverse of
// `CSVFormat.oneLineCell`'s quoting; audit rows never span lines). Read on Unicode scalars, like
// the writer: a quote or comma followed by a combining mark is one Swift Character.

/// Reads the cells of an audit line.
enum AuditCells {
    /// The cells of `line`, quotes removed and doubled quotes undone; nil when a quoted cell
    /// is not closed or is followed by anything but a comma.
    static func split(_ line: String) -> [String]? {
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var closed = false
        var scalars = line.unicodeScalars.makeIterator()
        var lookahead = scalars.next()
        while let scalar = lookahead {
            lookahead = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if lookahead == "\"" {
                        cell.append("\"")
                        lookahead = scalars.next()
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    cell.append(scalar)
                }
            } else if scalar == "," {
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
                closed = false
            } else if closed {
                return nil
            } else if scalar == "\"" && cell.isEmpty {
                quoted = true
            } else {
                cell.append(scalar)
            }
        }
        guard !quoted else { return nil }
        cells.append(String(cell))
        return cells
    }
}
