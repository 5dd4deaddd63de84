// PlainStream: a TCP connection without TLS, on a non-blocking socket whose every wait is a
// poll() bounded by a deadline.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP byte stream over a connected non-blocking socket it owns.
///
/// Not thread-safe: one exchange owns it at a time (the pool hands it over under its lock).
final class PlainStream: ByteStream {
    /// The socket; -1 once closed.
    private(set) var fd: Int32

    /// Takes ownership of the connected non-blocking socket `fd`.
    init(fd: Int32) { self.fd = fd }

    deinit { close() }

    func write(_ bytes: [UInt8], until deadline: () -> ContinuousClock.Instant) throws(StreamError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in send(fd, raw.baseAddress! + offset, raw.count - offset, Self.sendFlags) }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard SocketWait.wait(fd, .writable, until: deadline()) else { throw .timedOut }
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                throw .failed(Self.lastError)
            }
        }
    }

    func read(capacity: Int, until deadline: ContinuousClock.Instant) throws(StreamError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, capacity, 0) }
            if count >= 0 {
                chunk.removeSubrange(count...)
                return chunk
            }
            switch errno {
            case EAGAIN, EWOULDBLOCK:
                guard SocketWait.wait(fd, .readable, until: deadline) else { throw .timedOut }
            case EINTR: continue
            default: throw .failed(Self.lastError)
            }
        }
    }

    func isIdleAndOpen() -> Bool {
        guard fd >= 0 else { return false }
        guard SocketWait.isReadableNow(fd) else { return true }
        // Readable while idle: end of stream, an error, or bytes nobody asked for. None is usable.
        return false
    }

    func close() {
        guard fd >= 0 else { return }
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
        fd = -1
    }

    /// The text of the current `errno`.
    static var lastError: String { String(cString: strerror(errno)) }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif
}
