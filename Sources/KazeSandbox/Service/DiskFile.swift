// DiskFile: whole writes to a file descriptor, retried on EINTR, for the state snapshot and
// the operation log.

import Foundation

/// Writes to files by descriptor.
enum DiskFile {
    /// Writes all of `bytes` to `fd`; false on an error.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
