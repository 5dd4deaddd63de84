// EndpointSocket: the endpoint's host looked up and a TCP connection opened to it, each step
// bounded in time, for doctor's endpoint checks.

import Foundation

/// DNS and TCP for one host and port.
enum EndpointSocket {
    #if canImport(Glibc)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamSocket = SOCK_STREAM
    #endif

    /// The numeric addresses of `host` (IPv4 and IPv6).
    /// - Throws: `EndpointProblem` with the resolver's message.
    static func resolve(_ host: String, port: Int) throws -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = streamSocket
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw EndpointProblem(String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(cString: name)
                if !addresses.contains(text) { addresses.append(text) }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// A connected TCP socket to `address` (numeric) and `port`, within `timeout` seconds.
    /// - Throws: `EndpointProblem` with the reason (refused, unreachable, timed out).
    static func openTCP(to address: String, port: Int, timeout: Double) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = streamSocket
        hints.ai_flags = AI_NUMERICHOST
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address, String(port), &hints, &list) == 0, let info = list else { throw EndpointProblem("bad address \(address)") }
        defer { freeaddrinfo(info) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw EndpointProblem(String(cString: strerror(errno))) }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 && errno != EINPROGRESS {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw EndpointProblem(reason)
        }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else {
            close(fd)
            throw EndpointProblem("no answer within \(Int(timeout)) s")
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else {
            close(fd)
            throw EndpointProblem(String(cString: strerror(error)))
        }
        _ = fcntl(fd, F_SETFL, flags)
        return fd
    }
}

/// Why a DNS, TCP or TLS step failed.
struct EndpointProblem: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
