// CSVWriter: RFC 4180 rows for every CSV kazebatch writes (errors, results, exports, audit), with
// spreadsheet formula injection neutralised and control characters made visible.

/// Formats rows of text as RFC 4180 CSV (rows end with LF). Every cell of every CSV kazebatch
/// writes goes through `cell` (or, in the audit, `oneLineCell`): decided on Unicode scalars,
/// since in Swift `"\r\n"` is one Character, equal neither to CR nor to LF.
public enum CSVFormat {
    /// Scalars that make a spreadsheet treat a cell as a formula when they come first (a tab
    /// never comes first: it is written as `<U+0009>`).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\r"]

    /// One cell: CR and LF kept (the cell is quoted), every other control character (TAB, ESC,
    /// BEL, NUL, DEL, C1 …) written as `<U+XXXX>`; a value then starting with `= + - @` or CR gets
    /// a leading `'`; a cell with a comma, quote, CR or LF is quoted with inner quotes doubled, and
    /// so is one starting with a space (readers that skip spaces before a field keep it).
    public static func cell(_ value: String) -> String { encode(value, keepingLineBreaks: true) }

    /// One audit cell: like `cell`, but CR and LF are written as `<U+000D>` and `<U+000A>` too,
    /// so every audit row is one physical line.
    public static func oneLineCell(_ value: String) -> String { encode(value, keepingLineBreaks: false) }

    /// One row, newline-terminated.
    public static func row(_ values: [String]) -> String {
        values.map(cell).joined(separator: ",") + "\n"
    }

    private static func encode(_ value: String, keepingLineBreaks: Bool) -> String {
        if isPlain(value) { return value }
        var text = String.UnicodeScalarView()
        var quoted = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\r" where keepingLineBreaks, "\n" where keepingLineBreaks, ",":
                text.append(scalar)
                quoted = true
            case "\"":
                text.append(contentsOf: ["\"", "\""])
                quoted = true
            case _ where SafeText.isControl(scalar):
                text.append(contentsOf: SafeText.notation(scalar).unicodeScalars)
            default:
                text.append(scalar)
            }
        }
        if let first = text.first, formulaStarts.contains(first) { text.insert("'", at: text.startIndex) }
        return quoted || text.first == " " ? "\"" + String(text) + "\"" : String(text)
    }

    /// True when `value` comes out of `encode` unchanged: printable ASCII only, no comma or quote,
    /// and not starting with a space or a formula character (checked on bytes, no scalar loop).
    private static func isPlain(_ value: String) -> Bool {
        value.withUTF8Buffer { bytes in
            if let first = bytes.first, first == 0x20 || first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 {
                return false
            }
            return bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x2C && $0 != 0x22 }
        }
    }
}
