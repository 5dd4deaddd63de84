// TransportFailure: sorts URLSession errors into "never sent" (safe to send again) and
// "outcome unknown" (the platform may have acted).

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Classification of transport errors.
enum TransportFailure {
    /// Errors raised before any request byte can have reached the server: no address, no
    /// connection, or a TLS handshake that failed before the request was written. Not
    /// `.unsupportedURL` or `.badURL`: FoundationNetworking reports an answer that is not HTTP
    /// (no status line, binary bytes) that way, after the request went out.
    static let beforeSending: Set<URLError.Code> = [
        .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
        .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
        .clientCertificateRequired,
    ]

    /// The transport result for `error` thrown by URLSession.
    static func classify(_ error: any Error) -> TransportResult {
        guard let urlError = error as? URLError else {
            return .unknown(reason: "transport failed: \(error.localizedDescription)")
        }
        let reason = describe(urlError)
        return beforeSending.contains(urlError.code) ? .notSent(reason: reason) : .unknown(reason: reason)
    }

    /// Short operator text for `error`, e.g. `timed out (URLError -1001)`.
    static func describe(_ error: URLError) -> String {
        let name: String = switch error.code {
        case .timedOut: "timed out"
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .badServerResponse: "bad server response"
        case .notConnectedToInternet: "no network"
        case .cancelled: "cancelled"
        default: error.localizedDescription
        }
        return "\(name) (URLError \(error.code.rawValue))"
    }
}
