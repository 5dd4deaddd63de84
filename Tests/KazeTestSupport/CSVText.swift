// CSVText: a CSV text split into rows of fields by RFC 4180 (quoted fields may hold commas,
// doubled quotes and line breaks), for tests that read back the files kazebatch writes.

/// RFC 4180 splitting of a whole CSV text (tests only; the product streams with its CSVReader).
public enum CSVText {
    /// The rows of `text`, each a list of unquoted fields. CRLF and LF both end a row; a last
    /// row without a line break counts; an empty text has no rows.
    public static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        var rowStarted = false
        while let character = pending ?? characters.next() {
            pending = nil
            rowStarted = true
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                rowStarted = false
            default: field.append(character)
            }
        }
        if rowStarted {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// The fields of one row (a line without its line break).
    public static func fields(_ line: some StringProtocol) -> [String] {
        rows(String(line)).first ?? [""]
    }
}
