// TLSFailure: names what went wrong in a TLS handshake — an expired certificate, the wrong
// host, an unknown CA — instead of OpenSSL's error codes.

internal import COpenSSL
import KazeCrypto

/// Operator text for failed handshakes.
enum TLSFailure {
    /// Why the handshake of `ssl` (`SSL *`) to `host` failed, trusting `trustSource`.
    static func reason(ssl: OpaquePointer, host: String, trustSource: String) -> String {
        let verification = Int32(SSL_get_verify_result(ssl))
        let details = OpenSSLErrors.drain()
        switch verification {
        case X509_V_OK:
            return "TLS handshake with \(host) failed: \(details)"
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return "TLS: certificate expired: the certificate of \(host) is past its end date"
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return "TLS: certificate not yet valid: the certificate of \(host) starts in the future (check the clock)"
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return "TLS: wrong host: the server's certificate is not for \(host)"
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return "TLS: unknown CA: the certificate of \(host) is not issued by a CA in \(trustSource)"
        default:
            let text = X509_verify_cert_error_string(Int(verification)).map { String(cString: $0) } ?? "code \(verification)"
            return "TLS: certificate of \(host) refused: \(text)"
        }
    }
}
