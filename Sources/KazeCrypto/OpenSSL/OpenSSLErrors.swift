// OpenSSLErrors: reads OpenSSL's per-thread error queue into text and checks return codes,
// so every failed call becomes a CryptoError carrying OpenSSL's reason.

internal import COpenSSL

/// Access to OpenSSL's thread-local error queue (for this package's modules that call OpenSSL).
package enum OpenSSLErrors {
    /// Empties the queue and returns its reasons, oldest first, joined by "; ".
    package static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                var buffer = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &buffer, buffer.count)
                reasons.append(
                    String(
                        decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) },
                        as: UTF8.self))
            }
        }
        return reasons.isEmpty ? "no reason given by OpenSSL" : reasons.joined(separator: "; ")
    }

    /// Forgets queued errors (after an expected failure such as a signature mismatch).
    package static func clear() { ERR_clear_error() }

    /// Throws `CryptoError.openSSL` unless `result` is 1 (OpenSSL's success).
    static func check(_ result: Int32, _ operation: String) throws {
        guard result == 1 else { throw CryptoError.openSSL(operation: operation, reason: drain()) }
    }

    /// Returns `pointer`, or throws `CryptoError.openSSL` when OpenSSL returned NULL.
    static func require(_ pointer: OpaquePointer?, _ operation: String) throws -> OpaquePointer {
        guard let pointer else { throw CryptoError.openSSL(operation: operation, reason: drain()) }
        return pointer
    }
}
