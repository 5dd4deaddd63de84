// TLSStream: a TLS connection over a plain non-blocking socket — the handshake (SNI, host
// name verification, pins) within the connect deadline, then reads and writes whose every wait
// is a poll() bounded by the call's deadlines.

internal import COpenSSL
import Foundation
import KazeCrypto
import KazeProtocol

/// A TLS byte stream; owns its socket and `SSL *`. One exchange owns it at a time.
final class TLSStream: ByteStream {
    private let socket: PlainStream
    private var ssl: OpaquePointer?

    private init(socket: PlainStream, ssl: OpaquePointer) {
        self.socket = socket
        self.ssl = ssl
    }

    deinit { close() }

    /// Performs the TLS handshake with `host` over `socket` before `deadline`, verifying the
    /// chain against `context`, the name (or IP address) and `pins`.
    /// - Throws: `TransportFailure.notSent` naming the problem (nothing of the request exists yet).
    static func handshake(
        over socket: PlainStream, host: String, context: TLSContext, pins: PublicKeyPins, by deadline: ContinuousClock.Instant
    ) throws(TransportFailure) -> TLSStream {
        guard let ssl = SSL_new(context.context) else {
            throw .notSent("TLS: cannot start a session: \(OpenSSLErrors.drain())")
        }
        let stream = TLSStream(socket: socket, ssl: ssl)
        SSL_set_fd(ssl, socket.fd)
        guard SSL_set1_host(ssl, host) == 1 else { throw .notSent("TLS: cannot verify the host name \(host)") }
        if !IPAddressLiteral.isAddress(host) { _ = COpenSSLShim_SSL_set_tlsext_host_name(ssl, host) }
        SSL_set_connect_state(ssl)
        while true {
            OpenSSLErrors.clear()
            let result = SIGPIPEBlock.around { SSL_connect(ssl) }
            if result == 1 { break }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                guard SocketWait.wait(socket.fd, .readable, until: deadline) else { throw .notSent("TLS handshake with \(host) timed out") }
            case SSL_ERROR_WANT_WRITE:
                guard SocketWait.wait(socket.fd, .writable, until: deadline) else { throw .notSent("TLS handshake with \(host) timed out") }
            default:
                throw .notSent(TLSFailure.reason(ssl: ssl, host: host, trustSource: context.trustSource))
            }
        }
        if let mismatch = pins.mismatch(in: PublicKeyPins.chainPins(of: ssl)) { throw .notSent(mismatch) }
        return stream
    }

    /// What the handshake negotiated and the server showed; nil once closed.
    var peer: TLSPeer? {
        guard let ssl else { return nil }
        var days: Int32 = 0
        var seconds: Int32 = 0
        let leaf = SSL_get0_peer_certificate(ssl)
        let readable = leaf.map { ASN1_TIME_diff(&days, &seconds, nil, X509_get0_notAfter($0)) == 1 } ?? false
        return TLSPeer(
            version: String(cString: SSL_get_version(ssl)), leafDaysLeft: readable ? Int(days) : nil,
            chainPins: PublicKeyPins.chainPins(of: ssl))
    }

    func write(_ bytes: [UInt8], until deadline: () -> ContinuousClock.Instant) throws(StreamError) {
        guard let ssl else { throw .failed("connection closed") }
        var offset = 0
        while offset < bytes.count {
            OpenSSLErrors.clear()
            var written = 0
            let result = SIGPIPEBlock.around {
                bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress! + offset, $0.count - offset, &written) }
            }
            if result == 1 {
                offset += written
                continue
            }
            try wait(after: SSL_get_error(ssl, result), until: deadline())
        }
    }

    func read(capacity: Int, until deadline: ContinuousClock.Instant) throws(StreamError) -> [UInt8] {
        guard let ssl else { throw .failed("connection closed") }
        var chunk = [UInt8](repeating: 0, count: capacity)
        while true {
            OpenSSLErrors.clear()
            var count = 0
            let result = SIGPIPEBlock.around { chunk.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, capacity, &count) } }
            if result == 1 {
                chunk.removeSubrange(count...)
                return chunk
            }
            let error = SSL_get_error(ssl, result)
            if error == SSL_ERROR_ZERO_RETURN { return [] }
            try wait(after: error, until: deadline)
        }
    }

    /// Waits as OpenSSL asks, or throws for a real error.
    private func wait(after error: Int32, until deadline: ContinuousClock.Instant) throws(StreamError) {
        switch error {
        case SSL_ERROR_WANT_READ:
            guard SocketWait.wait(socket.fd, .readable, until: deadline) else { throw .timedOut }
        case SSL_ERROR_WANT_WRITE:
            guard SocketWait.wait(socket.fd, .writable, until: deadline) else { throw .timedOut }
        case SSL_ERROR_SYSCALL:
            let reason = errno == 0 ? "connection closed without TLS close_notify" : PlainStream.lastError
            OpenSSLErrors.clear()
            throw .failed(reason)
        default:
            throw .failed("TLS error: \(OpenSSLErrors.drain())")
        }
    }

    func isIdleAndOpen() -> Bool {
        guard let ssl, socket.fd >= 0, SSL_pending(ssl) == 0 else { return false }
        guard SocketWait.isReadableNow(socket.fd) else { return true }
        // Readable: a TLS 1.3 session ticket (fine), or end of stream / unasked data (not usable).
        OpenSSLErrors.clear()
        var byte: UInt8 = 0
        var count = 0
        let result = SIGPIPEBlock.around { SSL_read_ex(ssl, &byte, 1, &count) }
        let error = SSL_get_error(ssl, result)
        OpenSSLErrors.clear()
        return result != 1 && error == SSL_ERROR_WANT_READ
    }

    func close() {
        if let ssl {
            SSL_free(ssl)
            self.ssl = nil
        }
        socket.close()
    }
}
