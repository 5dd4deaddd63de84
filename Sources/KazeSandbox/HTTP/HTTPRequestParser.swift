// HTTPRequestParser: turns the bytes at the front of a connection's buffer into a request
// head, or says why they are not one. Pure and total: any input gives an answer, never a trap.

/// The parsed request line and headers of one request, before its body.
struct HTTPRequestHead: Sendable, Equatable {
    var method: String
    var path: String
    var headers: [String: String]
    /// The announced body size (0 when there is no Content-Length).
    var contentLength: Int
    /// True when the connection may carry another request after this one.
    var keepAlive: Bool
}

/// What the front of a buffer holds.
enum HTTPHeadParse: Sendable, Equatable {
    /// The head is not complete yet; read more bytes.
    case needMore
    /// The head is complete and ends `consumed` bytes into the buffer.
    case head(HTTPRequestHead, consumed: Int)
    /// The bytes are not an acceptable request: answer `status` with `message` and close.
    case reject(status: Int, message: String)
}

/// Parses request heads under the given limits.
struct HTTPRequestParser: Sendable {
    let limits: HTTPLimits

    /// Parses the head at the start of `buffer`.
    func parseHead(_ buffer: [UInt8]) -> HTTPHeadParse {
        guard let end = Self.headEnd(buffer, limit: limits.maxHeaderBytes) else {
            if buffer.count > limits.maxHeaderBytes {
                return .reject(status: 431, message: "request headers larger than \(limits.maxHeaderBytes) bytes")
            }
            return .needMore
        }
        guard end <= limits.maxHeaderBytes else {
            return .reject(status: 431, message: "request headers larger than \(limits.maxHeaderBytes) bytes")
        }
        var lines = Self.lines(buffer[..<end])
        while lines.first?.isEmpty == true { lines.removeFirst() }  // tolerated leading blank lines
        guard let requestLine = lines.first else { return .reject(status: 400, message: "empty request") }
        do {
            let (method, path, version) = try Self.parseRequestLine(requestLine)
            let headers = try Self.parseHeaders(lines.dropFirst())
            let length = try contentLength(headers)
            let connection = headers["connection"]?.lowercased() ?? ""
            let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
            let head = HTTPRequestHead(
                method: method, path: path, headers: headers, contentLength: length, keepAlive: keepAlive)
            return .head(head, consumed: end)
        } catch let failure as HTTPParseFailure {
            return .reject(status: failure.status, message: failure.message)
        } catch {
            return .reject(status: 400, message: "malformed request")
        }
    }

    /// The index just past the blank line that ends the head (CRLF CRLF or LF LF), if present.
    static func headEnd(_ buffer: [UInt8], limit: Int) -> Int? {
        let newline = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let stop = min(buffer.count, limit + 4)
        var index = 0
        while index < stop {
            if buffer[index] == newline {
                if index + 1 < buffer.count, buffer[index + 1] == newline { return index + 2 }
                if index + 2 < buffer.count, buffer[index + 1] == cr, buffer[index + 2] == newline { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The head's lines without their CR/LF endings; the final blank line is left out.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// Content-Length as a size within limits; chunked bodies are refused.
    func contentLength(_ headers: [String: String]) throws -> Int {
        if headers["transfer-encoding"] != nil {
            throw HTTPParseFailure(411, "Transfer-Encoding is not supported; send a Content-Length body")
        }
        guard let text = headers["content-length"] else { return 0 }
        let values = Set(text.split(separator: ",").map { $0.trimmingSpaces })
        guard values.count == 1, let value = values.first, !value.isEmpty, value.count <= 18,
            value.allSatisfy({ $0.isASCII && $0.isNumber }), let length = Int(value)
        else { throw HTTPParseFailure(400, "invalid Content-Length") }
        guard length <= limits.maxBodyBytes else {
            throw HTTPParseFailure(413, "body of \(length) bytes is larger than \(limits.maxBodyBytes)")
        }
        return length
    }
}

/// An internal reason to refuse a request head.
struct HTTPParseFailure: Error {
    let status: Int
    let message: String
    init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
