// MemoryBIO: an owned OpenSSL memory BIO, the channel for reading and writing PEM text.

internal import COpenSSL

/// An OpenSSL memory BIO, freed when this object goes away (for this package's modules).
package final class MemoryBIO {
    package let pointer: OpaquePointer

    /// An empty, writable memory BIO.
    package init() throws {
        pointer = try OpenSSLErrors.require(BIO_new(BIO_s_mem()), "BIO_new")
    }

    /// A writable memory BIO holding a copy of `text`, ready to be read.
    convenience init(text: String) throws {
        try self.init()
        let bytes = Array(text.utf8)
        guard bytes.count <= Int(Int32.max), BIO_write(pointer, bytes, Int32(bytes.count)) == Int32(bytes.count)
        else { throw CryptoError.openSSL(operation: "BIO_write", reason: OpenSSLErrors.drain()) }
    }

    deinit { BIO_free(pointer) }

    /// Everything written to the BIO so far, as text.
    package func text() -> String {
        var data: UnsafeMutablePointer<CChar>?
        let length = COpenSSLShim_BIO_get_mem_data(pointer, &data)
        guard let data, length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
