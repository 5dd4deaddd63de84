// Configuration: every setting a KazePay client needs, with DESIGN.md's defaults.

import Foundation
import KazeCrypto

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

    /// A configuration with DESIGN.md's defaults for everything not given; `burst` defaults
    /// to the rate rounded up.
    public init(
        endpoint: URL, sysId: String, merchantKeyPath: String, platformPublicKeyPath: String,
        profile: CryptoProfile = .kazepayV1, rate: Double = 5, burst: Int? = nil, concurrency: Int = 4,
        timeoutSeconds: Double = 30, live: Bool = false, platformUtcOffset: Int? = nil
    ) {
        self.endpoint = endpoint
        self.sysId = sysId
        self.merchantKeyPath = merchantKeyPath
        self.platformPublicKeyPath = platformPublicKeyPath
        self.profile = profile
        self.rate = rate
        self.burst = burst ?? Configuration.defaultBurst(rate: rate)
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.live = live
        self.platformUtcOffset = platformUtcOffset
    }

    /// The default config file, looked for in the current directory.
    public static let defaultPath = "kazebatch.json"

    /// The burst used when none is given: the rate rounded up, at least 1.
    static func defaultBurst(rate: Double) -> Int {
        guard rate.isFinite, rate >= 1 else { return 1 }
        return Int(min(rate.rounded(.up), Double(Int32.max)))
    }
}
