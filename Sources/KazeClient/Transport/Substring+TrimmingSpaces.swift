// Substring+TrimmingSpaces: header values and list items without surrounding spaces and tabs
// (HTTP's optional white space), without Foundation.

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
