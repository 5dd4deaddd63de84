// PublicKeyPins: HPKP-style `pin-sha256` values — the base64 SHA-256 of a certificate's
// SubjectPublicKeyInfo — checked against the server's verified chain, in addition to the chain.

internal import COpenSSL
import KazeCrypto

/// The pinned keys of a client; empty means no pinning.
struct PublicKeyPins: Sendable, Equatable {
    /// The accepted pins (base64 SHA-256 of SubjectPublicKeyInfo).
    let pins: Set<String>

    /// The pin of `certificate`'s public key (`X509 *`), if it has one.
    static func pin(of certificate: OpaquePointer) -> String? {
        guard let key = X509_get0_pubkey(certificate) else { return nil }
        let length = i2d_PUBKEY(key, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(key, &cursor)
        }
        guard written == length else { return nil }
        return Base64.encode(SHA256.hash(der))
    }

    /// The pins of every certificate in the verified chain of `ssl` (`SSL *`), leaf first.
    static func chainPins(of ssl: OpaquePointer) -> [String] {
        guard let chain = SSL_get0_verified_chain(ssl) else { return [] }
        return (0..<COpenSSLShim_sk_X509_num(chain)).compactMap { index in
            COpenSSLShim_sk_X509_value(chain, index).flatMap { pin(of: $0) }
        }
    }

    /// The first pin of `chain` (the server's chain pins, leaf first) that is pinned, if any.
    func match(in chain: [String]) -> String? {
        chain.first { pins.contains($0) }
    }

    /// Nil when no pins are set or a key of `chain` (the server's chain pins, leaf first) matches
    /// one; otherwise the reason the connection is refused.
    func mismatch(in chain: [String]) -> String? {
        guard !pins.isEmpty, match(in: chain) == nil else { return nil }
        return "TLS: pin mismatch: no key of the server's certificate chain matches pinnedKeys"
            + " (the server's key is pin-sha256 \"\(chain.first ?? "?")\")"
    }
}
