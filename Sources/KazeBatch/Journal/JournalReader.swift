// JournalReader: reads single journal entries back by byte offset (pread on one descriptor,
// opened on first use). The journal is append-only, so an entry's offset stays valid.

import Foundation
import KazeSync

/// Random access to the entries of one journal file. Safe to share between tasks.
final class JournalReader: Sendable {
    /// The journal file.
    let path: String
    /// The descriptor (-1 until the first read opens it) and the buffer lines are read into.
    private let handle = Locked(Handle())

    private struct Handle {
        var fd: Int32 = -1
        var buffer = [UInt8](repeating: 0, count: 1024)
    }

    /// A reader of the journal at `path` (which may not exist yet).
    init(path: String) { self.path = path }

    deinit { handle.withLock { if $0.fd >= 0 { close($0.fd) } } }

    /// The entry whose line starts at byte `offset`.
    /// - Throws: `JournalError.io` when the file cannot be read there or the line is not an entry.
    func entry(at offset: UInt64) throws -> JournalEntry {
        try handle.withLock { handle in
            guard let entry = JournalEntry(jsonLine: try line(at: offset, handle: &handle)) else {
                throw JournalError.io(
                    path: path, reason: "the entry at byte \(offset) cannot be read back (was the journal changed while in use?)")
            }
            return entry
        }
    }

    /// The bytes of the LF-terminated line at `offset`, without the LF, read into the handle's
    /// buffer (grown when the line does not fit), opening the file first when it is not open
    /// yet. Called with the handle locked.
    private func line(at offset: UInt64, handle: inout Handle) throws -> ArraySlice<UInt8> {
        if handle.fd < 0 {
            handle.fd = open(path, O_RDONLY | O_CLOEXEC)
            guard handle.fd >= 0 else {
                throw JournalError.io(path: path, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
            }
        }
        while true {
            let (fd, size) = (handle.fd, handle.buffer.count)
            let read = handle.buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(offset)) }
            guard read >= 0 else { throw JournalError.io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
            if let end = handle.buffer[..<read].firstIndex(of: 0x0A) { return handle.buffer[..<end] }
            guard read == size else {
                throw JournalError.io(path: path, reason: "no complete entry at byte \(offset) (was the journal changed while in use?)")
            }
            handle.buffer = [UInt8](repeating: 0, count: size * 4)
        }
    }
}
