// ProxyRoute: whether a connection to the endpoint goes through a proxy — the `proxy` setting,
// else `https_proxy`/`HTTPS_PROXY` as curl reads them, minus `no_proxy`/`NO_PROXY` — and never
// for a loopback endpoint or a plain http one.

import Foundation

/// The proxy decision for one endpoint.
enum ProxyRoute {
    /// The proxy `host` and `port` to tunnel through to `configuration`'s endpoint, or `nil` to
    /// connect directly.
    static func proxy(for configuration: Configuration) -> (host: String, port: Int)? {
        proxy(for: configuration.endpoint, proxy: configuration.proxy, noProxy: configuration.noProxy)
    }

    /// The proxy `host` and `port` to tunnel through to `endpoint`, or `nil` to connect directly.
    static func proxy(for endpoint: URL, proxy: URL?, noProxy: [String]) -> (host: String, port: Int)? {
        guard let proxy, endpoint.scheme?.lowercased() == "https", !Endpoint.isLoopback(endpoint),
            !isExcluded(EndpointAddress(endpoint).host.lowercased(), by: noProxy)
        else { return nil }
        let address = EndpointAddress(proxy)
        return (address.host, address.port)
    }

    /// True when `host` matches a `no_proxy` entry as curl matches them: `*` matches every host;
    /// otherwise an entry (leading dot ignored) matches the host itself and its subdomains.
    static func isExcluded(_ host: String, by entries: [String]) -> Bool {
        entries.contains { entry in
            var name = entry.lowercased()
            if name == "*" { return true }
            if name.hasPrefix(".") { name.removeFirst() }
            if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
            return !name.isEmpty && (host == name || host.hasSuffix("." + name))
        }
    }

    /// The `no_proxy` entries in `environment` (`no_proxy` first, as curl reads it).
    static func noProxyEntries(_ environment: [String: String]) -> [String] {
        let text = [environment["no_proxy"], environment["NO_PROXY"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return text.split(separator: ",").map { Substring($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// The https proxy variable set in `environment`, with its name (`https_proxy` first).
    static func environmentProxy(_ environment: [String: String]) -> (name: String, value: String)? {
        for name in ["https_proxy", "HTTPS_PROXY"] {
            if let value = environment[name], !value.isEmpty { return (name, value) }
        }
        return nil
    }
}
