// SHA256Hasher: streaming SHA-256 over an owned EVP_MD_CTX, for hashing big files in
// constant memory.

internal import COpenSSL

/// An incremental SHA-256 computation. Not thread-safe: use one hasher per task.
///
/// OpenSSL's SHA-256 can only fail when it cannot allocate memory; this type treats that as
/// fatal (like any Swift allocation failure) so hashing stays non-throwing.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var finished = false

    /// A fresh hasher.
    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not allocate a SHA-256 context: \(OpenSSLErrors.drain())")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds bytes to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!finished, "SHA256Hasher.update after finalize")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else {
            fatalError("OpenSSL SHA-256 update failed: \(OpenSSLErrors.drain())")
        }
    }

    /// Adds bytes to the digest.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything added. Call once; the hasher cannot be reused.
    public func finalize() -> [UInt8] {
        precondition(!finished, "SHA256Hasher.finalize called twice")
        finished = true
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            fatalError("OpenSSL SHA-256 final failed: \(OpenSSLErrors.drain())")
        }
        return digest
    }
}
