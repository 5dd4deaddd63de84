// FieldText: turning a field's bytes into text trimmed of ASCII spaces and tabs — only those, in
// every record alike — checking UTF-8 only when a byte is not ASCII. Every other character is
// kept, so the checks can name an invisible one instead of it vanishing.

/// Bytes → trimmed String conversions shared by the CSV and JSONL sources and `call`.
enum FieldText {
    /// The text of `bytes` without leading and trailing spaces and tabs, `""` when blank, or `nil`
    /// when they are not valid UTF-8.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let core = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return ascii ? String(decoding: core, as: UTF8.self) : String(validating: core, as: UTF8.self)
    }

    /// The text of `bytes` without leading and trailing spaces and tabs, `""` when blank, or `nil`
    /// when they are not valid UTF-8.
    static func trimmed(_ bytes: ArraySlice<UInt8>, ascii: Bool) -> String? {
        bytes.withUnsafeBufferPointer { trimmed($0, ascii: ascii) }
    }

    /// `text` without leading and trailing spaces and tabs (every other character kept).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        guard first != utf8.startIndex || utf8.index(after: last) != utf8.endIndex else { return text }
        return String(Substring(utf8[first...last]))
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
