// CSVWriter: RFC 4180 rows for every CSV kazebatch writes (errors, results, audit), with
// spreadsheet formula injection neutralised.

import Foundation

/// Formats rows of text as RFC 4180 CSV (CRLF-free: rows end with LF).
public enum CSVFormat {
    /// Scalars that make a spreadsheet treat a cell as a formula when they come first.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell: values starting with `= + - @`, tab or CR get a leading `'`, and cells with
    /// commas, quotes or line breaks are quoted with inner quotes doubled. Decided on Unicode
    /// scalars: in Swift `"\r\n"` is one Character, equal neither to CR nor to LF.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row, newline-terminated.
    public static func row(_ values: [String]) -> String {
        values.map(cell).joined(separator: ",") + "\n"
    }
}
