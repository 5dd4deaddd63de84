// Configuration: every setting a KazePay client needs, with docs/DESIGN.md's defaults.

import Foundation
import KazeCrypto
import KazeProtocol

/// The settings of one kazebatch run: where to call, as whom, with which keys and limits.
///
/// Build one with `load(configPath:environment:flags:)` (file < environment < flags), or
/// directly in tests; `validated()` applies the safety rules either way.
public struct Configuration: Sendable, Equatable {
    /// The single URL every operation is POSTed to.
    public var endpoint: URL
    /// The merchant's `sysId` (`head.sysId`).
    public var sysId: String
    /// Path of the merchant's PEM private key (PKCS#8 or PKCS#1); must be mode 0600 or stricter.
    public var merchantKeyPath: String
    /// Path of the platform's PEM public key (SubjectPublicKeyInfo).
    public var platformPublicKeyPath: String
    /// The crypto profile settings (digest, AES key size, AES mode).
    public var profile: CryptoProfile
    /// Requests per second (token-bucket rate).
    public var rate: Double
    /// Token-bucket burst size.
    public var burst: Int
    /// Maximum requests in flight.
    public var concurrency: Int
    /// Seconds to wait for an answer before the outcome is unknown.
    public var timeoutSeconds: Double
    /// True to allow an endpoint that is not on this machine.
    public var live: Bool
    /// The platform's zone for its `yyyy-MM-dd HH:mm:ss` times, in seconds east of UTC; nil
    /// (`auto`, the default) measures it.
    public var platformUtcOffset: Int?
    /// Seconds to wait for a connection (and its TLS handshake) before the call is not sent.
    public var connectTimeoutSeconds: Double
    /// An idle kept-alive connection is reused only within this many seconds (0: never reused).
    public var keepAliveIdleSeconds: Double
    /// The largest answer body accepted, in bytes; a larger one is an answer in doubt.
    public var maxResponseBytes: Int
    /// A PEM bundle of CA certificates to trust instead of the system's trust store.
    public var caFilePath: String?
    /// Base64 SHA-256 digests of SubjectPublicKeyInfo (HPKP `pin-sha256`); when any are given,
    /// some key of the server's verified chain must match one of them.
    public var pinnedKeys: [String]
    /// An `http://host:port` proxy for https endpoints (the setting, else `https_proxy`/`HTTPS_PROXY`);
    /// `nil`: none. Never used for a loopback endpoint.
    public var proxy: URL?
    /// Hosts reached without the proxy (`no_proxy`/`NO_PROXY`, comma-separated; `*` for all).
    public var noProxy: [String]

    /// A configuration with the defaults for everything not given (`PacingDefaults` for the
    /// pace); `burst` defaults to the rate rounded up.
    public init(
        endpoint: URL, sysId: String, merchantKeyPath: String, platformPublicKeyPath: String,
        profile: CryptoProfile = .kazepayV1, rate: Double = PacingDefaults.rate, burst: Int? = nil,
        concurrency: Int = PacingDefaults.concurrency, timeoutSeconds: Double = PacingDefaults.timeoutSeconds, live: Bool = false,
        platformUtcOffset: Int? = nil, connectTimeoutSeconds: Double = 10,
        keepAliveIdleSeconds: Double = 2, maxResponseBytes: Int = Configuration.defaultMaxResponseBytes,
        caFilePath: String? = nil, pinnedKeys: [String] = [], proxy: URL? = nil, noProxy: [String] = []
    ) {
        self.endpoint = endpoint
        self.sysId = sysId
        self.merchantKeyPath = merchantKeyPath
        self.platformPublicKeyPath = platformPublicKeyPath
        self.profile = profile
        self.rate = rate
        self.burst = burst ?? PacingDefaults.burst(rate: rate)
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.live = live
        self.platformUtcOffset = platformUtcOffset
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.keepAliveIdleSeconds = keepAliveIdleSeconds
        self.maxResponseBytes = maxResponseBytes
        self.caFilePath = caFilePath
        self.pinnedKeys = pinnedKeys
        self.proxy = proxy
        self.noProxy = noProxy
    }

    /// The default `maxResponseBytes`: 16 MiB.
    public static let defaultMaxResponseBytes = 16 * 1024 * 1024

    /// The default config file, looked for in the current directory.
    public static let defaultPath = "kazebatch.json"
}
