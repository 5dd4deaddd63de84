// HTTPLimits: the bounds that keep one client from exhausting the server.

/// Size, time and connection bounds for `HTTPServer`.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request line + headers, in bytes; beyond it the answer is 431.
    public var maxHeaderBytes: Int
    /// Largest body, in bytes; a larger Content-Length is answered 413.
    public var maxBodyBytes: Int
    /// A connection with no request in progress is closed after this many idle seconds,
    /// and a request that stops arriving midway for as long is closed too.
    public var idleTimeoutSeconds: Double
    /// Connections served at once; one more is answered 503 and closed.
    public var maxConnections: Int

    /// Defaults: 16 KiB of headers, 8 MiB bodies, 30 s idle, 1024 connections.
    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 8 * 1024 * 1024,
        idleTimeoutSeconds: Double = 30, maxConnections: Int = 1024
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
    }
}
