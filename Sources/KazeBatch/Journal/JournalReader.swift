// JournalReader: reads single journal entries back by byte offset (pread on one descriptor,
// opened on first use). The journal is append-only, so an entry's offset stays valid.

import Foundation
import KazeSync

/// Random access to the entries of one journal file. Safe to share between tasks.
final class JournalReader: Sendable {
    /// The journal file.
    let path: String
    /// The descriptor, -1 until the first read opens it.
    private let fd = Locked<Int32>(-1)

    /// A reader of the journal at `path` (which may not exist yet).
    init(path: String) { self.path = path }

    deinit { fd.withLock { if $0 >= 0 { close($0) } } }

    /// The entry whose line starts at byte `offset`.
    /// - Throws: `JournalError.io` when the file cannot be read there or the line is not an entry.
    func entry(at offset: UInt64) throws -> JournalEntry {
        try fd.withLock { fd in
            guard let entry = JournalEntry(jsonLine: try line(at: offset, fd: &fd)) else {
                throw JournalError.io(
                    path: path, reason: "the entry at byte \(offset) cannot be read back (was the journal changed while in use?)")
            }
            return entry
        }
    }

    /// The bytes of the LF-terminated line at `offset`, without the LF, opening `fd` first when
    /// it is not open yet. Called with the box locked.
    private func line(at offset: UInt64, fd: inout Int32) throws -> Data {
        if fd < 0 {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw JournalError.io(path: path, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
            }
        }
        var size = 1024
        while true {
            var buffer = Data(count: size)
            let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(offset)) }
            guard read >= 0 else { throw JournalError.io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
            if let end = buffer.prefix(read).firstIndex(of: 0x0A) { return buffer.prefix(upTo: end) }
            guard read == size else {
                throw JournalError.io(path: path, reason: "no complete entry at byte \(offset) (was the journal changed while in use?)")
            }
            size *= 4
        }
    }
}
