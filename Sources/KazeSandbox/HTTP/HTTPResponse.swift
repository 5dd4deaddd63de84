// HTTPResponse: what a handler answers — a status, headers and body, or a silent drop.

import Foundation
import KazeProtocol

/// A response to one request. `Content-Length` and `Connection` are added by the server.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Extra headers, e.g. `Content-Type` or `Retry-After`.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// When true the server closes the connection without writing anything.
    public var dropConnection: Bool

    /// A response with these parts.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], dropConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.dropConnection = dropConnection
    }

    /// A JSON response (`Content-Type: application/json`).
    public static func json(status: Int = 200, bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    /// A short plain-text response, used for HTTP-level errors.
    public static func text(status: Int, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
        var all = headers
        all["Content-Type"] = "text/plain; charset=utf-8"
        return HTTPResponse(status: status, headers: all, body: Array((message + "\n").utf8))
    }

    /// 503 with `Retry-After: 1`: the server is at one of its limits (connections, buffered bytes).
    static func busy(_ message: String) -> HTTPResponse {
        .text(status: 503, message, headers: ["Retry-After": "1"])
    }

    /// The HTML error page a reverse proxy answers with (502, 504), no envelope.
    public static func gatewayPage(status: Int) -> HTTPResponse {
        let title = "\(status) \(HTTPResponse(status: status).reason)"
        let page =
            "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        return HTTPResponse(status: status, headers: ["Content-Type": "text/html"], body: Array(page.utf8))
    }

    /// Closes the connection without answering (the client sees the connection lost).
    public static let drop = HTTPResponse(status: 0, dropConnection: true)

    /// The standard reason phrase for the status.
    var reason: String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// The bytes on the wire: status line, headers (with `Date: date` unless one was set),
    /// blank line, body.
    func serialized(keepAlive: Bool, date: Date) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        if !headers.keys.contains(where: { $0.lowercased() == "date" }) { head += "Date: \(HTTPDate.format(date))\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key })
        where name.lowercased() != "content-length" && name.lowercased() != "connection" {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + body
    }
}
