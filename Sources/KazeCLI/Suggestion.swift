// Suggestion: "did you mean ...?" for a mistyped command, operation, field or option — the
// nearest known name by edit distance, offered only when it is close.

/// The nearest valid name to a mistyped one.
enum Suggestion {
    /// The known name closest to `word` (letter case ignored) when it is close: at most a third
    /// of its letters differ (two for short words, never more than three), or it is the start of
    /// the name (three letters at least); nil otherwise.
    static func nearest(to word: String, among names: [String]) -> String? {
        let typed = Array(word.lowercased())
        let limit = min(3, max(2, typed.count / 3))
        let ranked = names.map { name -> (name: String, distance: Int) in
            let known = Array(name.lowercased())
            return (name, typed.count >= 3 && known.starts(with: typed) ? 1 : distance(typed, known))
        }
        .filter { $0.distance <= limit }
        .min { $0.distance < $1.distance }
        return ranked?.name
    }

    /// ` (did you mean `name`?)` for the nearest name (written after `prefix`, as `--` for an
    /// option), or "" when none is close.
    static func hint(for word: String, among names: [String], prefix: String = "") -> String {
        nearest(to: word, among: names).map { " (did you mean `\(prefix)\($0)`?)" } ?? ""
    }

    /// The Levenshtein distance: insertions, deletions and substitutions turning `a` into `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
