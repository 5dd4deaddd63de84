// TLSContext: the client's OpenSSL context — TLS 1.2 or later, peer verification against the
// system trust store or the `caFile` bundle. One per client, shared by its connections.

internal import COpenSSL
import Foundation
import KazeCrypto

/// A configured `SSL_CTX` (thread-safe for creating connections once set up).
///
/// `@unchecked Sendable`: the `SSL_CTX` pointer is configured in `init` and never changed
/// after; OpenSSL 3 documents creating connections from one context on many threads as safe.
final class TLSContext: @unchecked Sendable {
    /// The `SSL_CTX *`.
    let context: OpaquePointer
    /// Where trusted CAs come from, for messages: the caFile path or "the system trust store".
    let trustSource: String

    /// A client context trusting `caFile` (a PEM bundle) or, when `nil`, the system trust store.
    /// - Throws: `ConfigurationError.caFileUnusable` when the bundle cannot be loaded.
    init(caFile: String?) throws(ConfigurationError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .caFileUnusable(path: caFile ?? "", reason: "cannot create a TLS context: \(OpenSSLErrors.drain())")
        }
        self.context = context
        trustSource = caFile ?? "the system trust store"
        _ = COpenSSLShim_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // A write that has to wait is retried from the array's current address, after partial progress.
        COpenSSLShim_SSL_CTX_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        if let caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw .caFileUnusable(path: caFile, reason: "it does not exist or cannot be read")
            }
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw .caFileUnusable(path: caFile, reason: "no PEM certificate in it (\(OpenSSLErrors.drain()))")
            }
        } else {
            _ = SSL_CTX_set_default_verify_paths(context)
            OpenSSLErrors.clear()
        }
    }

    /// The context for `configuration`'s endpoint: trusting its caFile for https, `nil` for http.
    /// - Throws: `ConfigurationError.caFileUnusable` when the bundle cannot be loaded.
    static func forEndpoint(of configuration: Configuration) throws(ConfigurationError) -> TLSContext? {
        EndpointAddress(configuration.endpoint).usesTLS ? try TLSContext(caFile: configuration.caFilePath) : nil
    }

    deinit { SSL_CTX_free(context) }
}
