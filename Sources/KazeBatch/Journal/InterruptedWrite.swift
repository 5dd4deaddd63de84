// InterruptedWrite: the one rule for the end of an append-only file of LF-terminated lines
// (the journal, the audit file). Every write ends with its LF, so a last line without one is
// a write that never returned (a crash, a kill, a full disk): it is never read as data and
// it is cut off before the next append.

import Foundation

/// Where the complete lines of an append-only line file end.
enum InterruptedWrite {
    private static let chunkSize = 4096

    /// The length of the file's complete lines: the offset just past its last LF (0 when it
    /// has none). Bytes beyond it are an interrupted write.
    /// - Throws: `JournalError.io` when the file cannot be read.
    static func intactLength(fd: Int32, path: String) throws -> UInt64 {
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0 else { throw JournalError.io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
        var end = size
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while end > 0 {
            let start = max(0, end - off_t(chunkSize))
            let wanted = Int(end - start)
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, start) }
            guard got == wanted else { throw JournalError.io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
            if let last = buffer[..<wanted].lastIndex(of: 0x0A) { return UInt64(start) + UInt64(last) + 1 }
            end = start
        }
        return 0
    }

    /// The length of the complete lines of the file at `path` (see `intactLength(fd:path:)`)
    /// and its whole size, measured together; (0, 0) for a missing file.
    /// - Throws: `JournalError.io` when it exists but cannot be read.
    static func extent(path: String) throws -> (intact: UInt64, size: UInt64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return (0, 0) }
            throw JournalError.io(path: path, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let intact = try intactLength(fd: fd, path: path)
        return (intact, UInt64(max(0, lseek(fd, 0, SEEK_END))))
    }

    /// Cuts an interrupted last line off the file open as `fd` (read-write) and makes the cut
    /// durable; returns whether there was one.
    /// - Throws: `JournalError.io` when the file cannot be read or cut.
    @discardableResult
    static func cut(fd: Int32, path: String) throws -> Bool {
        let keep = try intactLength(fd: fd, path: path)
        guard UInt64(lseek(fd, 0, SEEK_END)) > keep else { return false }
        guard ftruncate(fd, off_t(keep)) == 0, fsync(fd) == 0 else {
            throw JournalError.io(path: path, reason: "cannot cut the torn last line: \(String(cString: strerror(errno)))")
        }
        return true
    }
}
