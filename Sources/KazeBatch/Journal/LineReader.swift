// LineReader: reads a file line by line in fixed-size chunks (constant memory), telling
// where each line starts and whether the last line was complete.

import Foundation

/// Streams the LF-terminated lines of a file.
struct LineReader {
    /// The file to read.
    let path: String

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
    /// unterminated).
    /// - Throws: `JournalError.io` when the file cannot be read, or whatever `body` throws.
    func forEachRawLine(_ body: (_ bytes: Data, _ number: Int, _ offset: UInt64, _ terminated: Bool) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JournalError.io(path: path, reason: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        var pending = Data()
        var pendingOffset: UInt64 = 0
        var number = 0
        while true {
            let chunk = handle.readData(ofLength: 256 * 1024)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                number += 1
                try body(Data(pending[start..<newline]), number, pendingOffset + UInt64(start - pending.startIndex), true)
                start = pending.index(after: newline)
            }
            pendingOffset += UInt64(start - pending.startIndex)
            pending = Data(pending[start...])
        }
        if !pending.isEmpty {
            try body(pending, number + 1, pendingOffset, false)
        }
    }
}
