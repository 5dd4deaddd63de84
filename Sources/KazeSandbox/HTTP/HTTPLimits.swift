// HTTPLimits: the bounds that keep clients from exhausting the server.

/// Size, time and connection bounds for `HTTPServer`.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request line + headers, in bytes; beyond it the answer is 431.
    public var maxHeaderBytes: Int
    /// Largest body, in bytes; a larger Content-Length is answered 413.
    public var maxBodyBytes: Int
    /// A connection with no request in progress is closed after this many idle seconds,
    /// and a request that stops arriving midway for as long is closed too.
    public var idleTimeoutSeconds: Double
    /// Connections served at once; one more is answered 503 (`Retry-After: 1`) and closed.
    public var maxConnections: Int
    /// Request bytes buffered across all connections at once; the connection whose bytes would
    /// pass it is answered 503 (`Retry-After: 1`) and closed.
    public var maxBufferedBytes: Int

    /// Defaults: 16 KiB of headers; 28 MiB bodies (a KYC request with three 5 MiB images, base64
    /// in the business JSON and base64 again in the envelope, is 26.7 MiB); 30 s idle;
    /// 256 connections; 256 MiB buffered across them.
    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 28 * 1024 * 1024,
        idleTimeoutSeconds: Double = 30, maxConnections: Int = 256, maxBufferedBytes: Int = 256 * 1024 * 1024
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
        self.maxBufferedBytes = maxBufferedBytes
    }
}
