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
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < limit else { return output + "…" }
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                output.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return output
    }

    /// True for scalars that must never reach a terminal as they are.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (ESC, BEL, CR, LF, CSI …)
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true  // invisible, separators, bidi
        default: false
        }
    }
}
