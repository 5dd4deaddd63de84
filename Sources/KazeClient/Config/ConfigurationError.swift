// ConfigurationError: why a configuration cannot be used, naming the file, variable or flag
// the operator has to fix. Never contains key material.

/// A configuration problem, written for the operator.
public enum ConfigurationError: Error, Sendable, Equatable {
    /// The config file given with `--config` does not exist.
    case fileMissing(path: String)
    /// The config file exists but cannot be read.
    case fileUnreadable(path: String, reason: String)
    /// The config file is not a JSON object of known settings.
    case fileInvalid(path: String, reason: String)
    /// A required setting was given nowhere.
    case missing(ConfigKey)
    /// A required setting was given nowhere, and there was no config file either (no
    /// `--config`, and no `kazebatch.json` in the working directory).
    case missingWithoutFile(ConfigKey)
    /// A setting has a value it cannot take; `origin` is where it came from (`--rate`,
    /// `KAZEBATCH_RATE`, `kazebatch.json: rate`).
    case invalidValue(origin: String, value: String, expected: String)
    /// The endpoint is not on this machine and `live` is not set.
    case liveNotEnabled(endpoint: String)
    /// A live endpoint must use https.
    case insecureEndpoint(endpoint: String)
    /// A private key file can be read or written by group or others.
    case keyFileTooOpen(path: String, mode: String)
    /// A key file cannot be read.
    case keyFileUnreadable(path: String, reason: String)
    /// A key file does not hold a usable key; `reason` is the crypto error's text.
    case keyInvalid(path: String, reason: String)
    /// The `caFile` bundle cannot be used.
    case caFileUnusable(path: String, reason: String)
}

extension ConfigurationError: CustomStringConvertible {
    /// One operator-readable message.
    public var description: String {
        switch self {
        case .fileMissing(let path): "config file \(path) does not exist"
        case .fileUnreadable(let path, let reason): "cannot read config file \(path): \(reason)"
        case .fileInvalid(let path, let reason): "config file \(path) is invalid: \(reason)"
        case .missing(let key):
            "missing setting \(key.rawValue): set \"\(key.rawValue)\" in the config file, "
                + "\(key.environmentName) or --\(key.flagName)"
        case .missingWithoutFile(let key):
            "missing setting \(key.rawValue), and no config file: there is no ./\(Configuration.defaultPath) here;"
                + " pass --config PATH (kazebatch sandbox writes one into its --dir), or set "
                + "\(key.environmentName) or --\(key.flagName)"
        case .invalidValue(let origin, let value, let expected): "\(origin): expected \(expected), got \"\(value)\""
        case .liveNotEnabled(let endpoint):
            "endpoint \(endpoint) is not on this machine; pass --live (or set \"live\": true or "
                + "KAZEBATCH_LIVE=true) to call a real platform"
        case .insecureEndpoint(let endpoint): "live endpoint \(endpoint) must use https"
        case .keyFileTooOpen(let path, let mode):
            "private key \(path) is readable by group or others (mode \(mode)); run chmod 600 \(path)"
        case .keyFileUnreadable(let path, let reason): "cannot read key file \(path): \(reason)"
        case .keyInvalid(let path, let reason): "key file \(path): \(reason)"
        case .caFileUnusable(let path, let reason): "CA file \(path) cannot be used: \(reason)"
        }
    }
}
