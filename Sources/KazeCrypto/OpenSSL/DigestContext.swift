// DigestContext: an owned EVP_MD_CTX, used for hashing and for signing/verifying.

internal import COpenSSL

/// An OpenSSL message-digest context, freed when this object goes away.
final class DigestContext {
    let pointer: OpaquePointer

    init() throws {
        pointer = try OpenSSLErrors.require(EVP_MD_CTX_new(), "EVP_MD_CTX_new")
    }

    deinit { EVP_MD_CTX_free(pointer) }
}
