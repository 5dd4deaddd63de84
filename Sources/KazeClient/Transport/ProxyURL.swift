// ProxyURL: reads a proxy given as `http://host:port` (as `--proxy`, or `HTTPS_PROXY` which may
// leave out the scheme, as curl allows).

import Foundation

/// Proxy URL parsing.
enum ProxyURL {
    /// The port curl uses when a proxy URL names none.
    static let defaultPort = 1080

    /// `text` as an `http://host:port` URL (a missing scheme means http, a missing port 1080);
    /// `nil` for another scheme, credentials, a path, or no host.
    static func parse(_ text: String) -> URL? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let components = URLComponents(string: withScheme), components.scheme?.lowercased() == "http",
            let host = components.host, !host.isEmpty, components.user == nil, components.password == nil,
            components.path.isEmpty || components.path == "/", components.query == nil,
            (1...65_535).contains(components.port ?? defaultPort)
        else { return nil }
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return URL(string: "http://\(name):\(components.port ?? defaultPort)")
    }
}
