// FieldText: turning a field's bytes into trimmed text, checking UTF-8 only when a byte is not ASCII.

import Foundation

/// Bytes → trimmed String conversions shared by the CSV and JSONL sources.
enum FieldText {
    /// The trimmed text of `bytes`, `""` when blank, or `nil` when they are not valid UTF-8.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let core = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if ascii { return String(decoding: core, as: UTF8.self) }
        guard let text = String(validating: core, as: UTF8.self) else { return nil }
        return trimmed(text)
    }

    /// The trimmed text of `bytes`, `""` when blank, or `nil` when they are not valid UTF-8.
    static func trimmed(_ bytes: ArraySlice<UInt8>, ascii: Bool) -> String? {
        bytes.withUnsafeBufferPointer { trimmed($0, ascii: ascii) }
    }

    /// `text` without leading and trailing white space (Unicode-aware).
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
