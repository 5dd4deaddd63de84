// EndpointAddress: what the transport needs from the endpoint URL — where to connect, what to
// put in the request line and Host header, and whether to speak TLS.

import Foundation

/// The endpoint, split for the wire.
struct EndpointAddress: Sendable, Equatable {
    /// The host to connect to: a name, an IPv4 address or an IPv6 address without brackets.
    let host: String
    /// The TCP port (the scheme's default when the URL has none).
    let port: Int
    /// True for `https`.
    let usesTLS: Bool
    /// The request target: the URL's path (at least `/`) and query.
    let target: String

    /// The address of `url` (http or https, with a host).
    init(_ url: URL) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var host = components?.host ?? url.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host
        usesTLS = url.scheme?.lowercased() == "https"
        port = url.port ?? (usesTLS ? 443 : 80)
        let path = components?.percentEncodedPath ?? ""
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        target = (path.isEmpty ? "/" : path) + query
    }

    /// `host:port` as the Host header and CONNECT write it (IPv6 in brackets, default port left out
    /// for Host).
    func authority(alwaysWithPort: Bool) -> String {
        let name = host.contains(":") ? "[\(host)]" : host
        let defaultPort = usesTLS ? 443 : 80
        return alwaysWithPort || port != defaultPort ? "\(name):\(port)" : name
    }

    /// The request head of a JSON POST of `length` bytes to this endpoint.
    func postHead(contentLength length: Int) -> [UInt8] {
        Array(
            ("POST \(target) HTTP/1.1\r\nHost: \(authority(alwaysWithPort: false))\r\nUser-Agent: kazebatch\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: \(length)\r\n\r\n").utf8)
    }
}
