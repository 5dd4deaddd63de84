// SignDigest+OpenSSL: the OpenSSL message digest behind each signature digest setting.

internal import COpenSSL

extension SignDigest {
    /// OpenSSL's `EVP_MD` for this digest (a static object; never freed).
    var evpMD: OpaquePointer? {
        switch self {
        case .sha256: EVP_sha256()
        case .sha1: EVP_sha1()
        }
    }
}
