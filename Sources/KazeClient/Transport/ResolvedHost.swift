// ResolvedHost: the addresses a host name resolved to (getaddrinfo's list, owned and freed
// here), in the order the transport tries them.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stream-socket addresses of one host and port.
final class ResolvedHost {
    /// The name that was looked up.
    let host: String
    /// The TCP port.
    let port: Int
    /// getaddrinfo's list; its entries point into it, so it lives as long as this object.
    private let list: UnsafeMutablePointer<addrinfo>

    /// Looks up `host` (a name, an IPv4 or an IPv6 address without brackets) for `port`.
    /// - Throws: `TransportFailure.notSent` naming the host and the resolver's reason.
    init(host: String, port: Int) throws(TransportFailure) {
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
        self.host = host
        self.port = port
        self.list = first
    }

    deinit { freeaddrinfo(list) }

    /// The entries, in the resolver's order (valid while this object lives).
    var entries: [addrinfo] {
        var result: [addrinfo] = []
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry?.pointee {
            result.append(current)
            entry = current.ai_next
        }
        return result
    }

    /// The distinct numeric addresses (`127.0.0.1`, `::1`), in the resolver's order.
    var numericAddresses: [String] {
        entries.map(Self.numeric).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The numeric address of `address` (`127.0.0.1`, `::1`).
    static func numeric(_ address: addrinfo) -> String {
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address.ai_addr, address.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
        else { return "?" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
