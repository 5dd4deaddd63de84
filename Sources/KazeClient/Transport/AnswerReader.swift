// AnswerReader: reads one HTTP/1.1 answer from a stream — 1xx heads skipped, Content-Length,
// chunked or read-to-close bodies — within the head and body limits and the call's deadlines.
// Memory stays bounded by those limits whatever the server sends.

/// Reads the answer to one request.
struct AnswerReader {
    /// The largest status line + headers (each head, and all 1xx heads and trailers together).
    static let maxHeadBytes = 64 * 1024
    /// Bytes asked of the stream per read.
    static let readSize = 64 * 1024

    private let stream: any ByteStream
    private let deadline: CallDeadline
    private let maxBodyBytes: Int
    /// Received bytes; those before `position` are consumed.
    private var buffer: [UInt8] = []
    private var position = 0
    private var headBytes = 0
    private var receivedAny = false

    /// A reader of `stream` under `deadline`, accepting bodies up to `maxBodyBytes`.
    init(stream: any ByteStream, deadline: CallDeadline, maxBodyBytes: Int) {
        self.stream = stream
        self.deadline = deadline
        self.maxBodyBytes = maxBodyBytes
    }

    /// The next complete answer.
    /// - Throws: the reason the outcome is in doubt (closed, reset, timed out, malformed, too large).
    mutating func read() throws(TransportFailure) -> HTTPAnswer {
        try inDoubtOnFailure { reader in
            var head = try reader.readHead()
            while (100...199).contains(head.status) {
                guard head.status != 101 else { throw AnswerError.malformed("101 Switching Protocols was not asked for") }
                head = try reader.readHead()
            }
            let framed = try reader.readBody(of: head)
            return HTTPAnswer(head: head, body: framed.body, endsCleanly: framed.framed && reader.position == reader.buffer.count)
        }
    }

    /// The head of the answer to a proxy's CONNECT, and how many bytes already followed it.
    /// - Throws: as `read()`.
    mutating func readConnectHead() throws(TransportFailure) -> (head: ResponseHead, extraBytes: Int) {
        try inDoubtOnFailure { reader in
            let head = try reader.readHead()
            return (head, reader.buffer.count - reader.position)
        }
    }

    /// Runs `step`, turning its errors into in-doubt transport failures.
    private mutating func inDoubtOnFailure<Result>(_ step: (inout AnswerReader) throws -> Result) throws(TransportFailure) -> Result {
        do {
            return try step(&self)
        } catch let error as AnswerError {
            throw .inDoubt(error.reason)
        } catch let error as TransportFailure {
            throw error
        } catch {
            throw .inDoubt("\(error)")
        }
    }

    // MARK: Head

    private mutating func readHead() throws -> ResponseHead {
        var scanned = position
        while true {
            let pending = buffer[position...]
            let prefix = Array("HTTP/".utf8)
            guard pending.prefix(prefix.count).elementsEqual(prefix.prefix(pending.count)) else {
                throw AnswerError.malformed("it is not HTTP (no status line), it starts with \(AnswerError.preview(pending))")
            }
            if let end = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: buffer, from: scanned, to: buffer.count) {
                headBytes += end + 4 - position
                guard headBytes <= Self.maxHeadBytes else { throw headTooLarge }
                let head = try ResponseHead(parsing: buffer[position..<end])
                position = end + 4
                return head
            }
            guard headBytes + pending.count <= Self.maxHeadBytes else { throw headTooLarge }
            scanned = max(position, buffer.count - 3)
            guard try fill() else {
                throw TransportFailure.inDoubt(
                    !receivedAny
                        ? "connection closed by the server before any answer (the request was sent)"
                        : "connection closed by the server in the middle of the answer's headers")
            }
        }
    }

    private var headTooLarge: AnswerError {
        .tooLarge("the status line and headers exceed \(Self.maxHeadBytes / 1024) KiB")
    }

    // MARK: Body

    private mutating func readBody(of head: ResponseHead) throws -> (body: [UInt8], framed: Bool) {
        if head.status == 204 || head.status == 304 { return ([], true) }
        let codings = head.tokens("Transfer-Encoding")
        let lengths = head.values("Content-Length")
        if !codings.isEmpty {
            guard lengths.isEmpty else { throw AnswerError.malformed("both Transfer-Encoding and Content-Length") }
            guard codings == ["chunked"] else {
                throw AnswerError.malformed(
                    "unsupported Transfer-Encoding \(AnswerError.preview(Array(codings.joined(separator: ", ").utf8)))")
            }
            return (try readChunkedBody(), true)
        }
        if let first = lengths.first {
            let length = Substring(first).trimmingSpaces
            guard lengths.allSatisfy({ Substring($0).trimmingSpaces == length }), !length.isEmpty, length.count <= 18,
                length.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let count = Int(length)
            else {
                throw AnswerError.malformed("invalid Content-Length \(AnswerError.preview(Array(lengths.joined(separator: ", ").utf8)))")
            }
            guard count <= maxBodyBytes else { throw bodyTooLarge }
            return (try take(count), true)
        }
        return (try readToEnd(), false)
    }

    private var bodyTooLarge: AnswerError {
        .tooLarge("the body exceeds \(maxBodyBytes) bytes (maxResponseBytes)")
    }

    /// Exactly `count` more bytes of the body.
    private mutating func take(_ count: Int) throws -> [UInt8] {
        while buffer.count - position < count {
            guard try fill() else {
                throw TransportFailure.inDoubt("connection closed by the server in the middle of the answer's body")
            }
        }
        defer { position += count }
        return Array(buffer[position..<position + count])
    }

    /// The body of an answer without framing: everything until the server closes.
    private mutating func readToEnd() throws -> [UInt8] {
        repeat {
            guard buffer.count - position <= maxBodyBytes else { throw bodyTooLarge }
        } while try fill()
        defer { position = buffer.count }
        return Array(buffer[position...])
    }

    /// A chunked body, de-chunked; trailers are read and dropped.
    private mutating func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try readLine(limit: 1_024, what: "chunk size")
            let sizeText = line.prefix { $0 != UInt8(ascii: ";") }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !sizeText.isEmpty, sizeText.count <= 15, sizeText.allSatisfy(\.isHexDigit),
                let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16)
            else { throw AnswerError.malformed("invalid chunk size \(AnswerError.preview(line))") }
            if size == 0 { break }
            guard body.count + size <= maxBodyBytes else { throw bodyTooLarge }
            body += try take(size)
            guard try take(2) == [0x0D, 0x0A] else { throw AnswerError.malformed("a chunk is longer than its size") }
            compact()
        }
        while try !readLine(limit: Self.maxHeadBytes, what: "trailer").isEmpty {}
        return body
    }

    /// The next CRLF-terminated line (without the CRLF); trailers count towards the head limit.
    private mutating func readLine(limit: Int, what: String) throws -> [UInt8] {
        var scanned = position
        while true {
            if let end = Self.find([0x0D, 0x0A], in: buffer, from: scanned, to: buffer.count) {
                defer { position = end + 2 }
                guard end - position <= limit else { throw AnswerError.malformed("\(what) line too long") }
                if what == "trailer" {
                    headBytes += end + 2 - position
                    guard headBytes <= Self.maxHeadBytes else { throw headTooLarge }
                }
                return Array(buffer[position..<end])
            }
            guard buffer.count - position <= limit else { throw AnswerError.malformed("\(what) line too long") }
            scanned = max(position, buffer.count - 1)
            guard try fill() else {
                throw TransportFailure.inDoubt("connection closed by the server in the middle of the answer's body")
            }
        }
    }

    // MARK: Buffer

    /// Reads more bytes; false at the end of the stream.
    private mutating func fill() throws -> Bool {
        let chunk: [UInt8]
        do {
            chunk = try stream.read(capacity: Self.readSize, until: deadline.nextByte())
        } catch .timedOut {
            throw TransportFailure.inDoubt(deadline.timeoutReason())
        } catch .failed(let reason) {
            throw TransportFailure.inDoubt("connection lost while waiting for the answer: \(reason)")
        }
        guard !chunk.isEmpty else { return false }
        receivedAny = true
        buffer += chunk
        return true
    }

    /// Drops consumed bytes once they are the larger part of the buffer.
    private mutating func compact() {
        guard position > Self.readSize, position * 2 > buffer.count else { return }
        buffer.removeSubrange(0..<position)
        position = 0
    }

    /// The index of `pattern` in `bytes[from..<to]`, if present.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard to - from >= pattern.count else { return nil }
        var index = from
        while index <= to - pattern.count {
            if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
