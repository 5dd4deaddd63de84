// SocketConnector: opens a TCP connection to a resolved host within the connect deadline,
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
        try connect(to: ResolvedHost(host: host, port: port), by: deadline).stream
    }

    /// A connected non-blocking stream to the first of `resolved`'s addresses that accepts before
    /// `deadline`, with that address (numeric).
    /// - Throws: `TransportFailure.notSent` naming the last address tried and what failed.
    static func connect(to resolved: ResolvedHost, by deadline: ContinuousClock.Instant) throws(TransportFailure)
        -> (stream: PlainStream, address: String)
    {
        var failure = "no address for \(resolved.host)"
        for address in resolved.entries {
            switch attempt(address, by: deadline) {
            case .success(let stream): return (stream, ResolvedHost.numeric(address))
            case .failure(let reason): failure = "\(reason) (\(ResolvedHost.numeric(address)) port \(resolved.port))"
            }
        }
        throw .notSent(failure)
    }

    private enum Attempt {
        case success(PlainStream)
        case failure(String)
    }

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
}
