// TextRules: byte-level checks of plain text — printable ASCII ("English"), digit strings and the
// shape of an email address.

/// Small checks on the UTF-8 of a value.
enum TextRules {
    /// True when every character is printable ASCII (space to `~`).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.withUTF8Buffer { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } }
    }

    /// True when `text` is only ASCII digits, with a count in `counts`.
    static func isDigits(_ text: String, count counts: ClosedRange<Int>) -> Bool {
        text.withUTF8Buffer { bytes in counts.contains(bytes.count) && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// True for `local@domain.tld`: one `@`; a local part of printable ASCII without spaces
    /// (at most 64); a domain of dot-separated labels of letters, digits and inner hyphens, with at
    /// least two labels and an alphabetic last label; at most 254 characters in all.
    static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: 0x40), bytes.lastIndex(of: 0x40) == at else {
            return false
        }
        let local = bytes[..<at]
        guard (1...64).contains(local.count), local.allSatisfy({ $0 > 0x20 && $0 <= 0x7E }),
            local.first != 0x2E, local.last != 0x2E
        else { return false }
        let labels = bytes[(at + 1)...].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2,
            last.allSatisfy(isLetter)
        else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != 0x2D && label.last != 0x2D
                && label.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `text` cut to `limit` characters with an ellipsis, for echoing in messages.
    static func excerpt(_ text: String, limit: Int = 40) -> String {
        SafeText.shown(text, limit: limit)
    }
}
