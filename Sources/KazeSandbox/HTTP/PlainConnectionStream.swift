// PlainConnectionStream: an accepted connection without TLS, straight over the socket.

/// A connection without TLS.
struct PlainConnectionStream: ConnectionStream {
    let fd: Int32
    var hasBufferedBytes: Bool { false }
    func read(capacity: Int) -> [UInt8]? { POSIXSocket.read(fd, capacity: capacity) }
    func writeAll(_ bytes: [UInt8]) -> Bool { POSIXSocket.writeAll(fd, bytes) }
    func shutdownWrite() { POSIXSocket.shutdown(fd, .write) }
}
