// HTTPRequestParser+Lines: the request line and header field grammar (RFC 9112, strictly).

extension HTTPRequestParser {
    /// Method, target and version from `GET /path HTTP/1.1`.
    static func parseRequestLine(_ line: ArraySlice<UInt8>) throws -> (String, String, String) {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].allSatisfy(isTokenByte),
            parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw HTTPParseFailure(400, "malformed request line") }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            if version.hasPrefix("HTTP/") { throw HTTPParseFailure(505, "only HTTP/1.1 and HTTP/1.0 are served") }
            throw HTTPParseFailure(400, "malformed request line")
        }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), version)
    }

    /// Header fields by lowercased name; repeated names are joined with `, `.
    static func parseHeaders(_ lines: ArraySlice<ArraySlice<UInt8>>) throws -> [String: String] {
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw HTTPParseFailure(400, "header line without ':'")
            }
            let nameBytes = line[line.startIndex..<colon]
            guard !nameBytes.isEmpty, nameBytes.allSatisfy(isTokenByte) else {
                throw HTTPParseFailure(400, "invalid header name")
            }
            let valueBytes = line[line.index(after: colon)...]
            guard valueBytes.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                throw HTTPParseFailure(400, "control character in header value")
            }
            let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            let value = Substring(String(decoding: valueBytes, as: UTF8.self)).trimmingSpaces
            if let existing = headers[name] { headers[name] = existing + ", " + value } else { headers[name] = value }
        }
        return headers
    }

    /// RFC 9110 `tchar`: the bytes allowed in methods and header names.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
