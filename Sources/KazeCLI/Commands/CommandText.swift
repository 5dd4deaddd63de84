// CommandText: a command line as a run report keeps it — every word, with anything secret in
// it removed (flags carry file paths, never key contents; a URL's user:password is dropped).

/// A command line made safe to keep.
enum CommandText {
    /// `words` joined by spaces (words with spaces quoted), each URL's `user:password@` removed.
    static func redacted(_ words: [String]) -> String {
        words.map { word in
            var text = word
            if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
                !text[scheme.upperBound..<at].contains("/")
            {
                text.replaceSubrange(scheme.upperBound...at, with: "")
            }
            return text.contains(" ") || text.isEmpty ? "'" + text + "'" : text
        }.joined(separator: " ")
    }
}
