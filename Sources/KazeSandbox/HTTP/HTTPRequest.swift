// HTTPRequest: one parsed HTTP/1.1 request as the sandbox's handler sees it.

/// A complete HTTP request: method, target path, headers and a Content-Length body.
public struct HTTPRequest: Sendable, Equatable {
    /// The method as sent, e.g. `POST`.
    public var method: String
    /// The request target as sent, e.g. `/` or `/_sandbox/state`.
    public var path: String
    /// Header values by lowercased name; a repeated header keeps its values joined by `, `.
    public var headers: [String: String]
    /// The body bytes (empty when there is none).
    public var body: [UInt8]

    /// A request with these parts.
    public init(method: String, path: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}
