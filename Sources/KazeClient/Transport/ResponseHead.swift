// ResponseHead: a parsed HTTP/1.x status line and header fields, checked strictly — anything
// that is not a well-formed HTTP/1.0 or HTTP/1.1 head is refused.

/// The status line and headers of one answer.
struct ResponseHead {
    /// `1.0` or `1.1` as the minor version digit.
    let minorVersion: Int
    /// The three-digit status code.
    let status: Int
    /// Header fields in order, names lowercased.
    let fields: [(name: String, value: String)]

    /// Parses `bytes`, the head without its final empty line (lines separated by CRLF).
    /// - Throws: the reason text for a malformed head.
    init(parsing bytes: ArraySlice<UInt8>) throws(AnswerError) {
        var lines = Self.split(bytes)
        let statusLine = lines.isEmpty ? [] : lines.removeFirst()
        guard statusLine.count >= 12, statusLine.starts(with: Array("HTTP/1.".utf8)),
            let minor = statusLine.dropFirst(7).first, minor == 0x30 || minor == 0x31, statusLine[statusLine.startIndex + 8] == 0x20
        else { throw .malformed("the status line is not HTTP/1.0 or HTTP/1.1: \(AnswerError.preview(statusLine))") }
        let code = statusLine.dropFirst(9).prefix(3)
        guard code.count == 3, code.allSatisfy({ (0x30...0x39).contains($0) }), code.first != 0x30,
            statusLine.count == 12 || statusLine[statusLine.startIndex + 12] == 0x20
        else { throw .malformed("the status line has no three-digit status: \(AnswerError.preview(statusLine))") }
        minorVersion = Int(minor - 0x30)
        status = code.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        var fields: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                line[..<colon].allSatisfy(Self.isTokenByte)
            else { throw .malformed("a header line is not `name: value`: \(AnswerError.preview(line))") }
            let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !trimmed.contains(0) else { throw .malformed("a header value contains a NUL byte") }
            fields.append((String(decoding: line[..<colon], as: UTF8.self).lowercased(), String(decoding: trimmed, as: UTF8.self)))
        }
        self.fields = fields
    }

    /// The first value of header `name` (any case), if present.
    func value(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name == wanted }?.value
    }

    /// Every value of header `name` (any case).
    func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name == wanted }.map(\.value)
    }

    /// The comma-separated, lowercased tokens of every `name` header (`Connection: close, Upgrade`).
    func tokens(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces.lowercased() }
    }

    /// Splits at CRLF. A bare LF or CR inside a line stays in it (and fails the checks above);
    /// a line that begins with white space (obsolete folding) fails as not `name: value`.
    private static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.endIndex])
        return lines
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
