// LineReader: reads a file line by line in fixed-size chunks (constant memory), telling
// whether the last line was complete.

import Foundation

/// Streams the LF-terminated lines of a file.
struct LineReader {
    /// The file to read.
    let path: String

    /// Calls `body` with each line (without the LF), its 1-based number and whether it was
    /// terminated by LF (only the last line can be unterminated).
    /// - Throws: `JournalError.io` when the file cannot be read, or whatever `body` throws.
    func forEachLine(_ body: (_ text: String, _ number: Int, _ terminated: Bool) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JournalError.io(path: path, reason: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        var pending = Data()
        var number = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 64 * 1024) ?? Data() } catch {
                throw JournalError.io(path: path, reason: "cannot be read (a folder, or not a regular file)")
            }
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                number += 1
                try body(String(decoding: pending[start..<newline], as: UTF8.self), number, true)
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty {
            try body(String(decoding: pending, as: UTF8.self), number + 1, false)
        }
    }
}
