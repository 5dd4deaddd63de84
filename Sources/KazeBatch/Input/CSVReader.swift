// CSVReader: a streaming RFC 4180 parser over bytes — quoted fields with commas, doubled quotes
// and line breaks; LF, CRLF or CR line ends; a UTF-8 BOM skipped. It keeps one record in memory,
// counts physical lines, and after a malformed record carries on with the next one.

/// Reads CSV records one at a time from a file.
struct CSVReader {
    /// A record longer than this is reported as malformed instead of being held in memory.
    static let maxRecordBytes = 1 << 20
    /// A record with more fields than this is reported as malformed; the rest of its line is skipped
    /// without being kept, so a line of a hundred million commas takes no more memory than a short one.
    static let maxFields = 4096

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, closed, skipLine }

    private let source: ByteSource
    private var chunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var position = 0
    private var line = 1
    private var afterCR = false
    private var startedFile = false
    private var finished = false

    /// A reader over `source`, positioned at its first byte.
    init(source: ByteSource) { self.source = source }

    /// Reads the next record into `row`; returns false at the end of the file.
    /// Blank lines between records are skipped.
    /// - Throws: `InputError` when the file cannot be read.
    mutating func next(into row: inout CSVRow) throws -> Bool {
        guard !finished else { return false }
        row.reset(line: line)
        var state = State.fieldStart
        while true {
            if position == chunk.count {
                if startedFile {
                    try source.fill()
                } else {
                    startedFile = true
                    try source.fillSkippingByteOrderMark()
                }
                chunk = source.chunk
                position = 0
                if chunk.isEmpty { return finishAtEndOfFile(row: &row, state: state) }
                continue
            }
            let byte = chunk[position]
            position += 1
            if byte == Self.lf {
                if afterCR {
                    afterCR = false
                    if state == .quoted { append(byte, to: &row) }
                    continue
                }
                line += 1
            } else if byte == Self.cr {
                afterCR = true
                line += 1
            } else {
                afterCR = false
            }
            switch state {
            case .fieldStart:
                switch byte {
                case Self.comma: if !endField(&row) { state = .skipLine }
                case Self.quote: state = .quoted
                case Self.lf, Self.cr:
                    if !row.ends.isEmpty {
                        endField(&row)
                        return true
                    }
                    row.line = line
                case Self.space, Self.tab: break
                default:
                    append(byte, to: &row)
                    state = .unquoted
                    appendUnquotedRun(to: &row)
                }
            case .unquoted:
                switch byte {
                case Self.comma: state = endField(&row) ? .fieldStart : .skipLine
                case Self.lf, Self.cr:
                    endField(&row)
                    return true
                case Self.quote:
                    row.problem = row.problem ?? "a quote inside an unquoted field (quote the whole field and double the quote)"
                    state = .skipLine
                default:
                    append(byte, to: &row)
                    appendUnquotedRun(to: &row)
                }
            case .quoted:
                if byte == Self.quote { state = .quoteInQuoted } else { append(byte, to: &row) }
            case .quoteInQuoted, .closed:
                switch byte {
                case Self.quote where state == .quoteInQuoted:
                    append(byte, to: &row)
                    state = .quoted
                case Self.comma: state = endField(&row) ? .fieldStart : .skipLine
                case Self.lf, Self.cr:
                    endField(&row)
                    return true
                case Self.space, Self.tab: state = .closed
                default:
                    row.problem = row.problem ?? "text after the closing quote of a quoted field"
                    state = .skipLine
                }
            case .skipLine:
                if byte == Self.lf || byte == Self.cr { return true }
            }
        }
    }

    /// Appends the bytes up to the next comma, quote or line end in one go.
    private mutating func appendUnquotedRun(to row: inout CSVRow) {
        let start = position
        var end = position
        var high: UInt8 = 0
        while end < chunk.count {
            let byte = chunk[end]
            if byte == Self.comma || byte == Self.quote || byte == Self.lf || byte == Self.cr { break }
            high |= byte
            end += 1
        }
        guard end > start else { return }
        afterCR = false
        if row.bytes.count + (end - start) > Self.maxRecordBytes {
            row.problem = row.problem ?? "the record is longer than \(Self.maxRecordBytes / 1024) KiB"
        } else {
            row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
            row.highBits |= high
        }
        position = end
    }

    /// Ends the current field; false (and the record marked malformed) when the record already
    /// holds `maxFields` fields.
    @discardableResult
    private func endField(_ row: inout CSVRow) -> Bool {
        guard row.ends.count < Self.maxFields else {
            row.problem = row.problem ?? "the record has more than \(Self.maxFields) fields (the limit per record)"
            return false
        }
        row.ends.append(row.bytes.count)
        return true
    }

    private func append(_ byte: UInt8, to row: inout CSVRow) {
        guard row.bytes.count < Self.maxRecordBytes else {
            row.problem = row.problem ?? "the record is longer than \(Self.maxRecordBytes / 1024) KiB"
            return
        }
        row.bytes.append(byte)
        row.highBits |= byte
    }

    private mutating func finishAtEndOfFile(row: inout CSVRow, state: State) -> Bool {
        finished = true
        switch state {
        case .fieldStart where row.ends.isEmpty: return false
        case .quoted:
            row.problem =
                row.problem
                ?? "unterminated quote: the quoted field opened on this record runs to the end of the file"
        case .skipLine: break
        default: endField(&row)
        }
        return true
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
}
