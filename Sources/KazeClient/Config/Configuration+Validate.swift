// Configuration+Validate: the safety rules — the live guard, https for live endpoints, and the
// private key's file permissions.

import Foundation

extension Configuration {
    /// This configuration, after checking the rules every call depends on:
    /// - an endpoint off this machine (see `Endpoint.isLoopback`) needs `live`, and https;
    /// - the merchant private key file exists and has no group or other permission bits
    ///   (like ssh: "run chmod 600 PATH").
    /// - Throws: `ConfigurationError`.
    public func validated() throws -> Configuration {
        let scheme = endpoint.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", endpoint.host != nil else {
            throw ConfigurationError.invalidValue(
                origin: "endpoint", value: endpoint.absoluteString, expected: "an http:// or https:// URL")
        }
        if !Endpoint.isLoopback(endpoint) {
            guard live else { throw ConfigurationError.liveNotEnabled(endpoint: endpoint.absoluteString) }
            guard scheme == "https" else { throw ConfigurationError.insecureEndpoint(endpoint: endpoint.absoluteString) }
        }
        try KeyFile.checkPrivatePermissions(merchantKeyPath)
        return self
    }
}
