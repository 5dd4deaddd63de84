// TLSConnectionStream: an accepted connection after its TLS handshake — reads and writes
// through OpenSSL on the blocking socket.

internal import COpenSSL
import KazeCrypto

/// A TLS connection over a blocking socket; frees its `SSL *` when it goes away.
final class TLSConnectionStream: ConnectionStream {
    let fd: Int32
    private let ssl: OpaquePointer

    init(fd: Int32, ssl: OpaquePointer) {
        self.fd = fd
        self.ssl = ssl
    }

    deinit { SSL_free(ssl) }

    var hasBufferedBytes: Bool { SSL_pending(ssl) > 0 }

    func read(capacity: Int) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: capacity)
        var count = 0
        OpenSSLErrors.clear()
        guard SIGPIPEBlock.around({ chunk.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, capacity, &count) } }) == 1
        else {
            OpenSSLErrors.clear()
            return nil
        }
        chunk.removeSubrange(count...)
        return chunk
    }

    func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            var written = 0
            OpenSSLErrors.clear()
            let result = SIGPIPEBlock.around {
                bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress! + offset, $0.count - offset, &written) }
            }
            guard result == 1 else {
                OpenSSLErrors.clear()
                return false
            }
            offset += written
        }
        return true
    }

    func shutdownWrite() {
        OpenSSLErrors.clear()
        _ = SIGPIPEBlock.around { SSL_shutdown(ssl) }
        OpenSSLErrors.clear()
        POSIXSocket.shutdown(fd, .write)
    }
}
