// ConnectionStream: the bytes of one accepted connection, plain or TLS, as the server's
// connection loop reads and writes them.

/// One accepted connection's byte stream (the socket stays owned by the server's registry).
protocol ConnectionStream {
    /// The socket, for waiting on readability.
    var fd: Int32 { get }
    /// True when bytes were received and are waiting to be read (TLS decrypts whole records),
    /// so the next read must not wait for the socket.
    var hasBufferedBytes: Bool { get }
    /// Reads what is available, up to `capacity` bytes; `nil` at the end of the stream or on error.
    func read(capacity: Int) -> [UInt8]?
    /// Writes all of `bytes`; false when the peer went away.
    func writeAll(_ bytes: [UInt8]) -> Bool
    /// Stops sending: the peer reads the end of the stream after what was written.
    func shutdownWrite()
}
