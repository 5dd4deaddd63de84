// LineReader: reads a file line by line in fixed-size chunks (constant memory), telling
// where each line starts and whether the last line was complete.

import Foundation

/// Streams the LF-terminated lines of a file.
struct LineReader {
    /// The file to read.
    let path: String
    private static let chunkSize = 256 * 1024

    /// Calls `body` with each line (without the LF), its 1-based number and whether it was
    /// terminated by LF (only the last line can be unterminated).
    /// - Throws: `JournalError.io` when the file cannot be read, or whatever `body` throws.
    func forEachLine(_ body: (_ text: String, _ number: Int, _ terminated: Bool) throws -> Void) throws {
        try forEachRawLine { bytes, number, _, terminated in
            try body(String(decoding: bytes, as: UTF8.self), number, terminated)
        }
    }

    /// Calls `body` with each line's bytes (without the LF), its 1-based number, the byte
    /// offset where it starts and whether it was terminated by LF (only the last line can be
    /// unterminated). With `limit`, only the file's first `limit` bytes are read.
    /// - Throws: `JournalError.io` when the file cannot be read, or whatever `body` throws.
    func forEachRawLine(
        limit: UInt64 = .max,
        _ body: (_ bytes: ArraySlice<UInt8>, _ number: Int, _ offset: UInt64, _ terminated: Bool) throws -> Void
    ) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: "cannot be opened for reading") }
        defer { close(fd) }
        var buffer: [UInt8] = []
        var bufferOffset: UInt64 = 0  // file offset of buffer[0]
        var number = 0
        while true {
            let kept = buffer.count
            let wanted = Int(min(UInt64(LineReader.chunkSize), limit - min(limit, bufferOffset + UInt64(kept))))
            if wanted == 0 { break }
            buffer.append(contentsOf: repeatElement(0, count: wanted))
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + kept, wanted) }
            guard got >= 0 else { throw JournalError.io(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
            buffer.removeLast(wanted - got)
            if got == 0 { break }
            var start = 0
            while let newline = LineReader.newline(in: buffer, from: start) {
                number += 1
                try body(buffer[start..<newline], number, bufferOffset + UInt64(start), true)
                start = newline + 1
            }
            buffer.removeFirst(start)
            bufferOffset += UInt64(start)
        }
        if !buffer.isEmpty { try body(buffer[...], number + 1, bufferOffset, false) }
    }

    private static func newline(in buffer: [UInt8], from start: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard start < raw.count, let found = memchr(raw.baseAddress! + start, 0x0A, raw.count - start) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }
}
