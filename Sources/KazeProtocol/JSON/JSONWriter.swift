// JSONWriter: compact serialization (no insignificant whitespace), as the envelope signs.
// Written as UTF-8 bytes; a string's runs that need no escape (all of a base64 image) are
// copied whole.

extension JSONValue {
    /// The compact UTF-8 JSON text of this value; numbers are written exactly as stored.
    public var compactText: String { String(decoding: compactBytes, as: UTF8.self) }

    /// The compact UTF-8 bytes of this value.
    public var compactBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(JSONValue.sizeEstimate(self))
        JSONValue.write(self, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The length of the compact text when no string needs an escape, so that a document with
    /// megabytes of base64 is written into one allocation of the right size.
    private static func sizeEstimate(_ value: JSONValue) -> Int {
        switch value {
        case .null, .bool: return 5
        case .number(let text): return text.utf8.count
        case .string(let text): return text.utf8.count + 2
        case .array(let items): return items.reduce(items.count + 1) { $0 + sizeEstimate($1) }
        case .object(let object):
            return object.members.reduce(object.members.count * 2 + 1) { $0 + $1.key.utf8.count + 2 + sizeEstimate($1.value) }
        }
    }

    /// `text` quoted, with `"`, `\` and control characters escaped; everything else (UTF-8
    /// multi-byte sequences included) copied as it is, one unescaped run at a time.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            while let offset = firstToEscape(in: bytes, from: runStart) {
                out += UnsafeBufferPointer(rebasing: bytes[runStart..<offset])
                out += escape(bytes[offset]).utf8
                runStart = offset + 1
            }
            out += UnsafeBufferPointer(rebasing: bytes[runStart...])
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The offset of the first byte at or after `start` that must be escaped (`"`, `\\` or a
    /// control character), or `nil`. Eight bytes at a time: a word is looked at byte by byte
    /// only when the bit tricks below say it holds such a byte.
    private static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let below20 = (word &- ones &* 0x20) & ~word
            let zeroQuote = (quote &- ones) & ~quote
            let zeroBackslash = (backslash &- ones) & ~backslash
            if (below20 | zeroQuote | zeroBackslash) & highs != 0 { break }
            offset += 8
        }
        while offset < bytes.count {
            let byte = base[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return offset }
            offset += 1
        }
        return nil
    }

    /// The escape sequence of a byte that cannot appear raw in a JSON string.
    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
