// Endpoint: the live guard's notion of "this machine" — loopback hosts only.

import Foundation

/// Checks on the endpoint URL.
public enum Endpoint {
    /// True when `url`'s host is `localhost`, in 127.0.0.0/8, or `::1` (so a call cannot leave
    /// this machine). Any other host, including names that resolve to loopback, is not.
    public static func isLoopback(_ url: URL) -> Bool {
        guard var host = url.host?.lowercased() else { return false }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }
}
