// WholeWrite: writing a whole buffer through a system call that may write less than asked —
// sockets (`send`) and files (`write`) alike — retrying on EINTR.

import Foundation

/// Whole-buffer writes.
enum WholeWrite {
    /// Calls `write(pointer, count)` until all of `bytes` is written; false on an error or a
    /// write of nothing.
    static func all(_ bytes: [UInt8], _ write: (UnsafeRawPointer, Int) -> Int) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(base + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Writes all of `bytes` to the file `fd`; false on an error.
    static func toFile(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        all(bytes) { Foundation.write(fd, $0, $1) }
    }
}
