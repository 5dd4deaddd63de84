// JSONLReader: splits a JSONL file into its non-blank lines, one chunk at a time, with their
// physical line numbers. Parsing each line as JSON is left to JSONLRecordReader.

/// Reads the non-blank lines of a file one at a time.
struct JSONLReader {
    /// A line longer than this is reported as malformed instead of being held in memory.
    static let maxLineBytes = 1 << 20

    private let source: ByteSource
    private var chunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var position = 0
    private var line = 0
    private var startedFile = false
    private var finished = false

    /// A reader over `source`, positioned at its first byte.
    init(source: ByteSource) { self.source = source }

    /// Reads the next non-blank line (without its line end) into `bytes`; returns its 1-based
    /// line number, `nil` at the end of the file. `tooLong` tells that the line was cut.
    /// - Throws: `InputError` when the file cannot be read.
    mutating func next(into bytes: inout [UInt8], tooLong: inout Bool) throws -> Int? {
        while !finished {
            bytes.removeAll(keepingCapacity: true)
            tooLong = false
            line += 1
            var sawNewline = false
            while !sawNewline {
                if position == chunk.count {
                    if startedFile {
                        try source.fill()
                    } else {
                        startedFile = true
                        try source.fillSkippingByteOrderMark()
                    }
                    chunk = source.chunk
                    position = 0
                    if chunk.isEmpty {
                        finished = true
                        break
                    }
                    continue
                }
                let start = position
                while position < chunk.count, chunk[position] != UInt8(ascii: "\n") { position += 1 }
                if bytes.count + (position - start) > Self.maxLineBytes {
                    tooLong = true
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<position]))
                }
                if position < chunk.count {
                    position += 1
                    sawNewline = true
                }
            }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if tooLong || bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
        }
        return nil
    }
}
