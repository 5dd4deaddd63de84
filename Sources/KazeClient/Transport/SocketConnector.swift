// SocketConnector: resolves a host and opens a TCP connection to it within the connect deadline,
// trying each address in turn. Everything here happens before a request byte exists, so every
// failure is "not sent".

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening TCP connections.
enum SocketConnector {
    /// A connected non-blocking stream to `host`:`port` (a name, an IPv4 or an IPv6 address
    /// without brackets), opened before `deadline`.
    /// - Throws: `TransportFailure.notSent` naming the host and what failed.
    static func connect(host: String, port: Int, by deadline: ContinuousClock.Instant) throws(TransportFailure) -> PlainStream {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .notSent("host not found: cannot resolve \(host) (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(first) }
        var failure = "no address for \(host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry?.pointee {
            entry = address.ai_next
            switch attempt(address, by: deadline) {
            case .success(let stream): return stream
            case .failure(let reason): failure = "\(reason) (\(describe(address)) port \(port))"
            }
        }
        throw .notSent(failure)
    }

    private enum Attempt { case success(PlainStream), failure(String) }

    /// One non-blocking connect, waited for with poll() until `deadline`.
    private static func attempt(_ address: addrinfo, by deadline: ContinuousClock.Instant) -> Attempt {
        #if canImport(Glibc)
        let fd = socket(address.ai_family, address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.ai_protocol)
        #else
        let fd = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        #endif
        guard fd >= 0 else { return .failure("cannot open a socket: \(PlainStream.lastError)") }
        let stream = PlainStream(fd: fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        #if canImport(Glibc)
        let started = Glibc.connect(fd, address.ai_addr, address.ai_addrlen)
        #else
        let started = Darwin.connect(fd, address.ai_addr, address.ai_addrlen)
        #endif
        if started != 0 {
            guard errno == EINPROGRESS else { return .failure(connectError(errno)) }
            guard SocketWait.wait(fd, .writable, until: deadline) else { return .failure("connect timed out") }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return .failure(connectError(error)) }
        }
        return .success(stream)
    }

    /// Operator text for a failed connect, starting with the usual name of the problem.
    private static func connectError(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ETIMEDOUT: "connect timed out"
        case ENETUNREACH, EHOSTUNREACH: "host unreachable"
        default: "cannot connect: \(String(cString: strerror(code)))"
        }
    }

    /// The numeric address of `address` (`127.0.0.1`, `::1`).
    private static func describe(_ address: addrinfo) -> String {
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address.ai_addr, address.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
        else { return "?" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
