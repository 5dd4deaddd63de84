// ConfigKey: the configuration table of docs/DESIGN.md — each setting's file key, environment
// variable and command-line flag.

/// One configuration setting, named by its key in the JSON config file.
public enum ConfigKey: String, CaseIterable, Sendable {
    case endpoint, sysId, merchantKey, platformPublicKey, signDigest, aesKeyBits, aesMode
    case rate, burst, concurrency, timeoutSeconds, live, platformUtcOffset
    case connectTimeoutSeconds, keepAliveIdleSeconds, maxResponseBytes, caFile, pinnedKeys, proxy

    /// The environment variable that sets it, e.g. `KAZEBATCH_SYS_ID`.
    public var environmentName: String {
        switch self {
        case .endpoint: "KAZEBATCH_ENDPOINT"
        case .sysId: "KAZEBATCH_SYS_ID"
        case .merchantKey: "KAZEBATCH_MERCHANT_KEY"
        case .platformPublicKey: "KAZEBATCH_PLATFORM_PUBLIC_KEY"
        case .signDigest: "KAZEBATCH_SIGN_DIGEST"
        case .aesKeyBits: "KAZEBATCH_AES_KEY_BITS"
        case .aesMode: "KAZEBATCH_AES_MODE"
        case .rate: "KAZEBATCH_RATE"
        case .burst: "KAZEBATCH_BURST"
        case .concurrency: "KAZEBATCH_CONCURRENCY"
        case .timeoutSeconds: "KAZEBATCH_TIMEOUT"
        case .live: "KAZEBATCH_LIVE"
        case .platformUtcOffset: "KAZEBATCH_PLATFORM_UTC_OFFSET"
        case .connectTimeoutSeconds: "KAZEBATCH_CONNECT_TIMEOUT"
        case .keepAliveIdleSeconds: "KAZEBATCH_KEEP_ALIVE_IDLE"
        case .maxResponseBytes: "KAZEBATCH_MAX_RESPONSE_BYTES"
        case .caFile: "KAZEBATCH_CA_FILE"
        case .pinnedKeys: "KAZEBATCH_PINNED_KEYS"
        case .proxy: "KAZEBATCH_PROXY"
        }
    }

    /// The flag name without `--`, e.g. `sys-id`. `live` is a boolean flag; all others take a value.
    public var flagName: String {
        switch self {
        case .endpoint: "endpoint"
        case .sysId: "sys-id"
        case .merchantKey: "merchant-key"
        case .platformPublicKey: "platform-public-key"
        case .signDigest: "sign-digest"
        case .aesKeyBits: "aes-key-bits"
        case .aesMode: "aes-mode"
        case .rate: "rate"
        case .burst: "burst"
        case .concurrency: "concurrency"
        case .timeoutSeconds: "timeout"
        case .live: "live"
        case .platformUtcOffset: "platform-utc-offset"
        case .connectTimeoutSeconds: "connect-timeout"
        case .keepAliveIdleSeconds: "keep-alive-idle"
        case .maxResponseBytes: "max-response-bytes"
        case .caFile: "ca-file"
        case .pinnedKeys: "pinned-keys"
        case .proxy: "proxy"
        }
    }
}
