// AuditCells: splits one physical audit line back into its cells (the inverse of
// `CSVFormat.cell`'s quoting; audit rows never span lines).

/// Reads the cells of an audit line.
enum AuditCells {
    /// The cells of `line`, quotes removed and doubled quotes undone; nil when a quoted cell
    /// is not closed or is followed by anything but a comma.
    static func split(_ line: String) -> [String]? {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var closed = false
        var characters = line.makeIterator()
        var lookahead: Character? = characters.next()
        while let character = lookahead {
            lookahead = characters.next()
            if quoted {
                if character == "\"" {
                    if lookahead == "\"" { cell.append("\""); lookahead = characters.next() } else { quoted = false; closed = true }
                } else {
                    cell.append(character)
                }
            } else if character == "," {
                cells.append(cell)
                cell = ""
                closed = false
            } else if closed {
                return nil
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else {
                cell.append(character)
            }
        }
        guard !quoted else { return nil }
        cells.append(cell)
        return cells
    }
}
