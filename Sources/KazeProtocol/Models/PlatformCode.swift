// PlatformCode: the `head.code` values of docs/PROTOCOL.md and how a client treats each.

/// A `head.code` from the platform. Unrecognised codes are kept as they came.
public struct PlatformCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Processed; the body's `encrypt` says SUCCESS or FAILED.
    public static let success = PlatformCode(rawValue: "SUCCESS")
    /// A field is missing or malformed.
    public static let paramError = PlatformCode(rawValue: "PARAM_ERROR")
    /// Signature or decryption failed at the platform.
    public static let signError = PlatformCode(rawValue: "SIGN_ERROR")
    /// Unknown email, cardID or transactionId.
    public static let notFound = PlatformCode(rawValue: "NOT_FOUND")
    /// Not allowed in the current state.
    public static let stateError = PlatformCode(rawValue: "STATE_ERROR")
    /// requestNo already used with different content.
    public static let duplicateRequest = PlatformCode(rawValue: "DUPLICATE_REQUEST")
    /// Merchant balance too low for a recharge.
    public static let insufficientFunds = PlatformCode(rawValue: "INSUFFICIENT_FUNDS")
    /// Too many requests; retry later.
    public static let rateLimited = PlatformCode(rawValue: "RATE_LIMITED")
    /// Transient platform failure; retry with backoff.
    public static let systemError = PlatformCode(rawValue: "SYSTEM_ERROR")

    /// True when the request was not processed and may be sent again later.
    public var isRetryable: Bool { self == .rateLimited || self == .systemError }

    public var description: String { rawValue }
}
