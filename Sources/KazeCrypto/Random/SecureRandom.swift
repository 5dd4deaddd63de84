// SecureRandom: cryptographically secure random bytes from OpenSSL's CSPRNG (AES keys).

internal import COpenSSL

/// Random bytes suitable for keys.
public enum SecureRandom {
    /// `count` bytes from OpenSSL's `RAND_bytes`.
    /// - Throws: `CryptoError.randomUnavailable` when the generator is not seeded or fails.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        guard let requested = Int32(exactly: count) else {
            throw CryptoError.randomUnavailable(reason: "\(count) bytes is too many at once")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, requested) == 1 else {
            throw CryptoError.randomUnavailable(reason: OpenSSLErrors.drain())
        }
        return bytes
    }
}
