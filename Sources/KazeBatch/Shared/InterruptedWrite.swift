// InterruptedWrite: the one rule for the end of an append-only file of LF-terminated lines
// (the journal, the audit file). Every write ends with its LF, so a last line without one is
// a write that never returned (a crash, a kill, a full disk): it is never read as data and
// it is cut off before the next append.

import Foundation

/// Where the complete lines of an append-only line file end.
enum InterruptedWrite {
    private static let chunkSize = 4096

    /// The length of the file's complete lines — the offset just past its last LF, 0 when it
    /// has none; bytes beyond it are an interrupted write — and its whole size.
    /// - Throws: `JournalError.io` when the file cannot be read.
    static func extent(fd: Int32, path: String) throws -> (intact: UInt64, size: UInt64) {
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0 else { throw unreadable(path) }
        var end = size
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while end > 0 {
            let start = max(0, end - off_t(chunkSize))
            let wanted = Int(end - start)
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, start) }
            guard got == wanted else { throw unreadable(path) }
            if let last = buffer[..<wanted].lastIndex(of: 0x0A) { return (UInt64(start) + UInt64(last) + 1, UInt64(size)) }
            end = start
        }
        return (0, UInt64(size))
    }

    /// `extent(fd:path:)` of the file at `path`; (0, 0) for a missing file.
    /// - Throws: `JournalError.io` when it exists but cannot be read.
    static func extent(path: String) throws -> (intact: UInt64, size: UInt64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return (0, 0) }
            throw JournalError.io(path: path, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        return try extent(fd: fd, path: path)
    }

    /// Cuts an interrupted last line off the file open as `fd` (read-write) and makes the cut
    /// durable; returns whether there was one.
    /// - Throws: `JournalError.io` when the file cannot be read or cut.
    @discardableResult
    static func cut(fd: Int32, path: String) throws -> Bool {
        let (intact, size) = try extent(fd: fd, path: path)
        guard size > intact else { return false }
        guard ftruncate(fd, off_t(intact)) == 0, fsync(fd) == 0 else {
            throw JournalError.io(path: path, reason: "cannot cut the torn last line: \(String(cString: strerror(errno)))")
        }
        return true
    }

    private static func unreadable(_ path: String) -> JournalError {
        .io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
    }
}
