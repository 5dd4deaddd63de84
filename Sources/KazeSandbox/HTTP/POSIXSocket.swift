// POSIXSocket: the few socket calls the server needs — listen on loopback, accept, wait,
// read and write — over Glibc/Darwin, with errors as values and SIGPIPE never raised.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the socket system calls, on raw descriptors.
enum POSIXSocket {
    /// What a wait for readability found.
    enum Readiness { case readable, timedOut, failed }

    /// The text of the current `errno`.
    static var lastError: String { String(cString: strerror(errno)) }

    /// A listening TCP socket bound to 127.0.0.1:`port`, and the port it got.
    static func listenOnLoopback(port: UInt16, backlog: Int32) throws -> (fd: Int32, port: UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPServerError(action: "open a socket", reason: lastError) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let reason = lastError
            close(fd)
            throw HTTPServerError(action: "listen on 127.0.0.1:\(port)", reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Waits up to `milliseconds` for `fd` to become readable (or to accept a connection).
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Readiness {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let result = poll(&entry, 1, milliseconds)
        if result == 0 { return .timedOut }
        if result < 0 { return errno == EINTR ? .timedOut : .failed }
        return .readable
    }

    /// Accepts one pending connection, with Nagle off and SIGPIPE suppressed where needed.
    static func accept(_ listener: Int32) -> Int32? {
        #if canImport(Glibc)
        let fd = Glibc.accept(listener, nil, nil)
        #else
        let fd = Darwin.accept(listener, nil, nil)
        #endif
        guard fd >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return fd
    }

    /// Reads what is available, up to `capacity` bytes; `nil` on end of stream or error.
    static func read(_ fd: Int32, capacity: Int) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: capacity)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, capacity, 0) }
        guard count > 0 else { return nil }
        chunk.removeSubrange(count...)
        return chunk
    }

    /// Writes all of `bytes`; false when the peer went away.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        return WholeWrite.all(bytes) { send(fd, $0, $1, flags) }
    }

    /// Which directions `shutdown` ends.
    enum ShutdownSide {
        /// Both: wakes any thread blocked on the socket (reads return end of stream).
        case both
        /// Sending only: the peer reads end of stream after what was written.
        case write
    }

    /// Shuts down `side` of `fd`.
    static func shutdown(_ fd: Int32, _ side: ShutdownSide) {
        #if canImport(Glibc)
        _ = Glibc.shutdown(fd, Int32(side == .both ? SHUT_RDWR : SHUT_WR))
        #else
        _ = Darwin.shutdown(fd, side == .both ? SHUT_RDWR : SHUT_WR)
        #endif
    }

    /// Closes `fd`.
    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
