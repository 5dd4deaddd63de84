// PKeyContext: an owned EVP_PKEY_CTX for the raw RSA operations (encrypt, decrypt, keygen).

internal import COpenSSL

/// An OpenSSL public-key operation context, freed when this object goes away.
final class PKeyContext {
    let pointer: OpaquePointer

    /// A context for operations with `key`.
    init(key: OpaquePointer) throws {
        pointer = try OpenSSLErrors.require(EVP_PKEY_CTX_new(key, nil), "EVP_PKEY_CTX_new")
    }

    /// A context for generating keys of type `id` (e.g. `EVP_PKEY_RSA`).
    init(keyType id: Int32) throws {
        pointer = try OpenSSLErrors.require(EVP_PKEY_CTX_new_id(id, nil), "EVP_PKEY_CTX_new_id")
    }

    deinit { EVP_PKEY_CTX_free(pointer) }

    /// Selects RSAES-PKCS1-v1_5 padding for the next encrypt or decrypt.
    func usePKCS1Padding() throws {
        try OpenSSLErrors.check(
            COpenSSLShim_EVP_PKEY_CTX_set_rsa_padding(pointer, RSA_PKCS1_PADDING), "setting RSA PKCS#1 padding")
    }

    /// Runs an OpenSSL one-shot transform (`EVP_PKEY_encrypt` / `EVP_PKEY_decrypt`): first asks
    /// for the output size, then transforms `input`, and returns exactly the bytes produced.
    func transform(
        _ input: [UInt8], operation: String,
        _ call: (OpaquePointer, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>, UnsafePointer<UInt8>, Int) -> Int32
    ) throws -> [UInt8] {
        var length = 0
        try OpenSSLErrors.check(call(pointer, nil, &length, input, input.count), operation)
        var output = [UInt8](repeating: 0, count: length)
        try OpenSSLErrors.check(call(pointer, &output, &length, input, input.count), operation)
        return Array(output.prefix(length))
    }
}
