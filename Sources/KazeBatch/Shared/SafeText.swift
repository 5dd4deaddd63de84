// SafeText: text from the platform or the input made safe to show on a terminal — every control
// character (C0, DEL, C1), line and paragraph separator, bidirectional override and invisible
// format character written as `<U+XXXX>`, and the length capped — so an answer or a cell can
// neither move the cursor, set the terminal's title, forge a `kazebatch:` line nor flood it.

/// Terminal-safe rendering of untrusted text.
public enum SafeText {
    /// The longest text shown, in characters, before `…`.
    public static let defaultLimit = 300

    /// `text` with every unsafe scalar escaped as `<U+XXXX>`, cut after `limit` characters.
    public static func shown(_ text: String, limit: Int = defaultLimit) -> String {
        escaped(text, limit: limit, where: isUnsafe, as: notation)
    }

    /// `text` (a whole message kazebatch composed) with every unsafe scalar but its own line
    /// breaks (LF) escaped, uncapped: the last guard before stderr, for any value a message
    /// carries that was not already shown through `shown`.
    public static func lines(_ text: String) -> String {
        escaped(text, limit: nil, where: { $0 != "\n" && isUnsafe($0) }, as: notation)
    }

    /// Compact JSON text with every unsafe scalar written as a `\uXXXX` escape: the same
    /// document, as data, safe on a terminal (outside strings compact JSON is ASCII).
    public static func json(_ text: String) -> String {
        escaped(text, limit: nil, where: isUnsafe) { "\\u" + hex4($0, uppercase: false) }
    }

    /// `text` with the scalars `unsafe` picks written as `written` gives them, cut after
    /// `limit` scalars (then `…`) when a limit is given.
    private static func escaped(
        _ text: String, limit: Int?, where unsafe: (Unicode.Scalar) -> Bool,
        as written: (Unicode.Scalar) -> String
    ) -> String {
        guard text.unicodeScalars.contains(where: unsafe) || limit.map({ text.unicodeScalars.count > $0 }) == true else { return text }
        var output = String.UnicodeScalarView()
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if let limit, count >= limit { return String(output) + "…" }
            if unsafe(scalar) { output.append(contentsOf: written(scalar).unicodeScalars) } else { output.append(scalar) }
        }
        return String(output)
    }

    /// At least four hex digits of `scalar`'s value.
    private static func hex4(_ scalar: Unicode.Scalar, uppercase: Bool) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The notation of one scalar in messages and files: `<U+001B>`, `<U+200B>` (at least four
    /// uppercase hex digits).
    public static func notation(_ scalar: Unicode.Scalar) -> String { "<U+" + hex4(scalar, uppercase: true) + ">" }

    /// True for the control characters (general category Cc): C0 (NUL … US, with TAB, CR and
    /// LF), DEL and C1 (U+0080–U+009F, CSI among them).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// True for scalars that must never reach a terminal as they are.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if isControl(scalar) { return true }
        switch scalar.value {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true  // invisible, separators, bidi
        default: return false
        }
    }
}
