// AESCipher: AES-128/256 in ECB or CBC with a zero IV, always with PKCS#7 padding —
// the body cipher of profile kazepay-v1.

internal import COpenSSL

/// AES with PKCS#7 padding in the modes the envelope uses.
public enum AESCipher {
    /// Encrypts `plain` under `key` (16 or 32 bytes) in `mode`. The output is always a whole
    /// number of 16-byte blocks; a plain that fills whole blocks gets one extra padding block.
    /// - Throws: `CryptoError.invalidAESKeyLength`, `.openSSL`.
    public static func encrypt(_ plain: [UInt8], key: [UInt8], mode: AESMode) throws -> [UInt8] {
        try CipherContext().run(plain, cipher: try cipher(key: key, mode: mode), key: key, iv: iv(mode), encrypt: true)
    }

    /// Decrypts `ciphertext` under `key` (16 or 32 bytes) in `mode` and strips the padding.
    /// - Throws: `CryptoError.malformedField` when not a positive multiple of 16 bytes,
    ///   `.decryptionFailed` for bad padding (a wrong key shows up the same way),
    ///   `.invalidAESKeyLength`.
    public static func decrypt(_ ciphertext: [UInt8], key: [UInt8], mode: AESMode) throws -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % blockSize == 0 else {
            throw CryptoError.malformedField(
                field: "body.encrypt", reason: "\(ciphertext.count) bytes is not a whole number of AES blocks")
        }
        return try CipherContext().run(
            ciphertext, cipher: try cipher(key: key, mode: mode), key: key, iv: iv(mode), encrypt: false)
    }

    /// The AES block size in bytes.
    public static let blockSize = 16

    private static func iv(_ mode: AESMode) -> [UInt8]? {
        mode == .cbcZeroIV ? [UInt8](repeating: 0, count: blockSize) : nil
    }

    private static func cipher(key: [UInt8], mode: AESMode) throws -> OpaquePointer? {
        switch (key.count, mode) {
        case (16, .ecb): EVP_aes_128_ecb()
        case (16, .cbcZeroIV): EVP_aes_128_cbc()
        case (32, .ecb): EVP_aes_256_ecb()
        case (32, .cbcZeroIV): EVP_aes_256_cbc()
        default: throw CryptoError.invalidAESKeyLength(bytes: key.count, expected: key.count < 32 ? 16 : 32)
        }
    }
}
