// FuzzHTTPResponse: libFuzzer entry point for the client transport's HTTP answer reader. The
// input is everything a server sent on one connection; it is read as answers (1xx heads,
// Content-Length, chunked and read-to-close bodies, trailers), up to 8 on one connection as
// pipelined answers, once delivered whole and once in reads of 1 to 13 bytes. Both deliveries
// must give the same answers and fail after the same number of them (the failure's text may
// differ: it quotes what had arrived; so may keep-alive, which depends on whether more bytes
// had arrived), every body must stay within the limit, and the headers the transport reads
// (Retry-After, Date, Keep-Alive) are parsed as it does.

import Foundation
import FuzzSupport
import KazeProtocol

@testable import KazeClient

/// The fuzz input as a connection that delivers at most `readSize` bytes per read.
private final class ScriptedStream: ByteStream {
    private let bytes: [UInt8]
    private let readSize: Int
    private var position = 0

    init(_ bytes: [UInt8], readSize: Int) {
        self.bytes = bytes
        self.readSize = readSize
    }

    func write(_ bytes: [UInt8], until deadline: () -> ContinuousClock.Instant) throws(StreamError) {}

    func read(capacity: Int, until deadline: ContinuousClock.Instant) throws(StreamError) -> [UInt8] {
        let end = min(bytes.count, position + min(capacity, readSize))
        defer { position = end }
        return Array(bytes[position..<end])
    }

    func isIdleAndOpen() -> Bool { position == bytes.count }
    func close() {}
}

private let maxBodyBytes = 1_024

/// The answers read from `bytes` delivered `readSize` bytes at a time, as comparable text.
private func answers(_ bytes: [UInt8], readSize: Int) -> [String] {
    let stream = ScriptedStream(bytes, readSize: readSize)
    var reader = AnswerReader(
        stream: stream, deadline: CallDeadline(connectSeconds: 60, answerSeconds: 60), maxBodyBytes: maxBodyBytes)
    var result: [String] = []
    for _ in 0..<8 {
        do {
            let answer = try reader.read()
            FuzzOracle.require(answer.body.count <= maxBodyBytes, "a body of \(answer.body.count) bytes passed the limit")
            _ = KeepAlive(after: answer, idleSeconds: 2)  // depends on what had arrived: parsed, not compared
            let retryAfter = RetryAfter.seconds(answer.head.value("Retry-After"), now: Date(timeIntervalSince1970: 0))
            let date = HTTPDate.parse(answer.head.value("Date"))
            result.append(
                "\(answer.head.status) \(answer.head.fields) \(answer.body) "
                    + "\(String(describing: retryAfter)) \(String(describing: date))")
        } catch {
            result.append("failure")
            break
        }
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    FuzzOracle.requireSameAtAnyReadSize(inputSize: size, whole: AnswerReader.readSize, smallUpTo: 13) { answers(bytes, readSize: $0) }
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzHTTPResponse`.
@_cdecl("FuzzHTTPResponse_main")
public func fuzzHTTPResponseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzHTTPResponse)
}
