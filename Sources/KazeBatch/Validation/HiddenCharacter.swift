// HiddenCharacter: a character no field but `ref` may hold — a control character (C0, DEL, C1),
// an invisible format, separator or bidirectional character (U+200B–U+200F, U+2028–U+202E,
// U+2060–U+2064, U+2066–U+2069, U+FEFF: SafeText's unsafe set) or a non-ASCII space (U+00A0,
// U+2000–U+200A, U+3000, ...). It is reported by its code point and position, never trimmed away
// or passed on to the platform.

/// The first hidden character of a value and where it is.
struct HiddenCharacter: Sendable, Equatable {
    /// The character.
    let scalar: Unicode.Scalar
    /// Its 1-based position in the value, counted in Unicode scalars.
    let position: Int

    /// The first hidden character of `text`, nil when there is none (a value of printable ASCII
    /// only, the usual case, costs one pass over its bytes and no allocation).
    static func first(in text: String) -> HiddenCharacter? {
        guard !text.withUTF8Buffer({ bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) else { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isHidden(scalar) {
            return HiddenCharacter(scalar: scalar, position: offset + 1)
        }
        return nil
    }

    /// `U+200B`.
    var codePoint: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// What kind of character it is, for messages.
    var kind: String {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: "a control character"
        case _ where scalar.properties.isWhitespace: "a non-ASCII space"
        default: "an invisible format character"
        }
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        SafeText.isUnsafe(scalar) || (scalar.value > 0x7F && scalar.properties.isWhitespace)
    }
}
