// CipherContext: an owned EVP_CIPHER_CTX running one AES encryption or decryption.

internal import COpenSSL

/// An OpenSSL cipher context, freed when this object goes away.
final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        pointer = try OpenSSLErrors.require(EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new")
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }

    /// Runs `input` through `cipher` (PKCS#7 padding on) and returns the whole output.
    /// - Parameters:
    ///   - encrypt: true to encrypt, false to decrypt.
    ///   - iv: the IV for CBC, `nil` for ECB.
    /// - Throws: `CryptoError.openSSL` for setup failures; on decryption, a bad final block
    ///   (wrong key or padding) throws `CryptoError.decryptionFailed`.
    func run(_ input: [UInt8], cipher: OpaquePointer?, key: [UInt8], iv: [UInt8]?, encrypt: Bool) throws -> [UInt8] {
        OpenSSLErrors.clear()
        try OpenSSLErrors.check(EVP_CipherInit_ex(pointer, cipher, nil, key, iv, encrypt ? 1 : 0), "AES setup")
        guard input.count <= Int(Int32.max) - 32 else {
            throw CryptoError.openSSL(operation: "AES", reason: "input of \(input.count) bytes is too large")
        }
        var output = [UInt8](repeating: 0, count: input.count + 32)
        var written: Int32 = 0
        if !input.isEmpty {
            try OpenSSLErrors.check(EVP_CipherUpdate(pointer, &output, &written, input, Int32(input.count)), "AES")
        }
        var tail: Int32 = 0
        let finished = output[Int(written)...].withUnsafeMutableBufferPointer { rest in
            EVP_CipherFinal_ex(pointer, rest.baseAddress, &tail)
        }
        guard finished == 1 else {
            let reason = OpenSSLErrors.drain()
            throw encrypt ? CryptoError.openSSL(operation: "AES", reason: reason) : CryptoError.decryptionFailed(reason: reason)
        }
        return Array(output.prefix(Int(written + tail)))
    }
}
