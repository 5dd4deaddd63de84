// CallResult: what became of one API call, in the classes a batch engine must tell apart.

/// The result of one API call.
public enum CallResult: Sendable, Equatable {
    /// `head.code` SUCCESS and body `encrypt` SUCCESS; `body` is the decrypted business JSON.
    case success(body: JSONObject)
    /// `head.code` SUCCESS but body `encrypt` FAILED: a final business failure.
    case businessFailure(body: JSONObject)
    /// `head.code` is an error code (PARAM_ERROR, RATE_LIMITED, ...); `code.isRetryable` tells
    /// whether it may be sent again. `retryAfter` comes from an HTTP `Retry-After` header.
    case platformError(code: PlatformCode, detail: String, retryAfter: Double?)
    /// An HTTP status other than 200 without a readable envelope (429, 5xx, ...).
    /// Only 429 proves the request was not processed; any other status (a gateway's 502/504
    /// can follow a commit) leaves a state-changing request in doubt.
    case httpError(status: Int, retryAfter: Double?)
    /// The response arrived but could not be trusted (bad signature, undecryptable, malformed).
    /// The platform may have processed the request.
    case protocolError(reason: String)
    /// The request never left this machine (connection refused, no route): safe to send again.
    case notSent(reason: String)
    /// The request may have reached the platform but no answer came (timeout, connection
    /// lost): the outcome is unknown and must be reconciled, never blindly resent.
    case unknown(reason: String)

    /// True when the outcome proves nothing was done and the request may simply be sent again:
    /// an envelope saying RATE_LIMITED or SYSTEM_ERROR, HTTP 429, or never sent at all.
    public var isTransient: Bool {
        switch self {
        case .platformError(let code, _, _): code.isRetryable
        case .httpError(let status, _): status == 429
        case .notSent: true
        case .success, .businessFailure, .protocolError, .unknown: false
        }
    }

    /// The server's requested wait before retrying, in seconds, if it gave one.
    public var retryAfter: Double? {
        switch self {
        case .platformError(_, _, let seconds), .httpError(_, let seconds): seconds
        default: nil
        }
    }

    /// True for RATE_LIMITED and HTTP 429, which should slow the sender down.
    public var isRateLimited: Bool {
        switch self {
        case .platformError(let code, _, _): code == .rateLimited
        case .httpError(let status, _): status == 429
        default: false
        }
    }
}

/// Anything that can perform a KazePay call: the real HTTP client, or a test double.
public protocol CardAPI: Sendable {
    /// Seals `body` as operation `operation` with `requestNo`, sends it and classifies the
    /// answer. Never throws: every failure is a `CallResult`.
    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult

    /// The platform's clock as measured from its answers' `Date` headers; nil when this API
    /// cannot measure it.
    var platformClock: PlatformClock? { get }
}

extension CardAPI {
    /// No clock measurement by default.
    public var platformClock: PlatformClock? { nil }
}
