// TLSServerContext: the server side of the sandbox's HTTPS — an OpenSSL context with the
// sandbox certificate and key, and the handshake of each accepted connection.

internal import COpenSSL
import Foundation
import KazeCrypto

/// A server `SSL_CTX` holding a certificate and its key (TLS 1.2 or later).
///
/// `@unchecked Sendable`: the `SSL_CTX` pointer is configured in `init` and never changed
/// after; OpenSSL 3 documents accepting connections from one context on many threads as safe.
public final class TLSServerContext: @unchecked Sendable {
    private let context: OpaquePointer

    /// Seconds an accepted connection has to complete its TLS handshake.
    static let handshakeSeconds = 10

    /// A context serving `files`' certificate and key.
    /// - Throws: `HTTPServerError` when they cannot be loaded.
    public init(files: TLSFiles) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw HTTPServerError(action: "create a TLS context", reason: OpenSSLErrors.drain())
        }
        self.context = context
        _ = COpenSSLShim_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        guard SSL_CTX_use_certificate_chain_file(context, files.certificatePath) == 1,
            SSL_CTX_use_PrivateKey_file(context, files.keyPath, SSL_FILETYPE_PEM) == 1,
            SSL_CTX_check_private_key(context) == 1
        else {
            throw HTTPServerError(action: "load \(files.certificatePath) and its key", reason: OpenSSLErrors.drain())
        }
    }

    deinit { SSL_CTX_free(context) }

    /// The TLS stream of the accepted socket `fd` after a successful handshake; `nil` when the
    /// client does not complete one within `handshakeSeconds`.
    func accept(_ fd: Int32) -> (any ConnectionStream)? {
        guard let ssl = SSL_new(context) else { return nil }
        var limit = timeval(tv_sec: Self.handshakeSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        SSL_set_fd(ssl, fd)
        OpenSSLErrors.clear()
        guard SIGPIPEBlock.around({ SSL_accept(ssl) }) == 1 else {
            OpenSSLErrors.clear()
            SSL_free(ssl)
            return nil
        }
        return TLSConnectionStream(fd: fd, ssl: ssl)
    }
}
