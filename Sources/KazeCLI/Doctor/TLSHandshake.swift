// TLSHandshake: a plain OpenSSL handshake over a connected socket — the certificate chain
// verified against the system's roots, the host name matched, the expiry read — for doctor.

internal import COpenSSL
import Foundation

/// What a verified handshake found.
struct TLSHandshake: Sendable {
    /// The negotiated protocol (`TLSv1.3`).
    let version: String
    /// Days until the server certificate expires.
    let daysLeft: Int

    /// Shakes hands as a client over `fd` for `host` (SNI and name check).
    /// - Throws: `EndpointProblem` naming what failed (handshake, chain, name, expiry).
    init(fd: Int32, host: String) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw EndpointProblem("OpenSSL cannot create a TLS context") }
        defer { SSL_CTX_free(context) }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)  // the result is read below, to name the problem
        guard SSL_CTX_set_default_verify_paths(context) == 1, let ssl = SSL_new(context) else {
            throw EndpointProblem("OpenSSL cannot load the system's certificate roots")
        }
        defer { SSL_free(ssl) }
        _ = COpenSSLShim_SSL_set_tlsext_host_name(ssl, host)
        _ = SSL_set1_host(ssl, host)
        SSL_set_fd(ssl, fd)
        guard SSL_connect(ssl) == 1 else {
            var message = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(ERR_get_error(), &message, message.count)
            throw EndpointProblem("the TLS handshake failed: \(String(cString: message))")
        }
        defer { SSL_shutdown(ssl) }
        let verdict = SSL_get_verify_result(ssl)
        guard verdict == X509_V_OK else {
            throw EndpointProblem("certificate not trusted: \(String(cString: X509_verify_cert_error_string(verdict)))")
        }
        guard let certificate = SSL_get1_peer_certificate(ssl) else { throw EndpointProblem("the server sent no certificate") }
        defer { X509_free(certificate) }
        var days: Int32 = 0, seconds: Int32 = 0
        guard ASN1_TIME_diff(&days, &seconds, nil, X509_get0_notAfter(certificate)) == 1 else {
            throw EndpointProblem("the certificate's expiry date cannot be read")
        }
        version = String(cString: SSL_get_version(ssl))
        daysLeft = Int(days)
    }
}
