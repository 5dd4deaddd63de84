// HTTPTransport: POSTs one JSON document to the endpoint over our own HTTP/1.1 client on POSIX
// sockets (TLS from the system OpenSSL) and reports exactly how far it got: answered, provably
// not sent, or in doubt. It never retries and never sends a request twice.

import Foundation
import KazeProtocol

/// The HTTP/1.1 transport of one client: a pool of kept-alive connections to the endpoint.
///
/// Each call runs on a thread of its own that blocks in poll() with real timeouts (no busy
/// waiting), bridged to Swift concurrency with a continuation. A reused connection is checked
/// before the request is written; a dead one is closed and a fresh connection opened, still
/// before any byte is written, so nothing is ever sent twice.
final class HTTPTransport: Sendable {
    let settings: TransportSettings
    private let pool: ConnectionPool
    private let opener: ConnectionOpener

    /// A transport with `settings`, opening connections with `opener`.
    init(settings: TransportSettings, opener: ConnectionOpener) {
        self.settings = settings
        self.opener = opener
        pool = ConnectionPool(capacity: settings.poolCapacity)
    }

    /// How many connections this transport opened so far.
    var connectionsOpened: Int { pool.opened }

    /// POSTs `body` as `application/json` and waits for the whole answer.
    func post(_ body: [UInt8]) async -> TransportResult {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in continuation.resume(returning: exchange(body)) }
            thread.name = "kazebatch-http"
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    /// One blocking exchange on the calling thread.
    private func exchange(_ body: [UInt8]) -> TransportResult {
        let deadline = CallDeadline(connectSeconds: settings.connectSeconds, answerSeconds: settings.answerSeconds)
        let stream: any ByteStream
        do {
            stream = try connection(deadline: deadline)
        } catch {
            return error.result
        }
        do {
            try stream.write(settings.endpoint.postHead(contentLength: body.count) + body) { deadline.nextByte() }
        } catch {
            stream.close()
            return .unknown(
                reason: error == .timedOut
                    ? "\(deadline.timeoutReason()) while sending the request"
                    : "connection lost while sending the request: \(error)")
        }
        var reader = AnswerReader(stream: stream, deadline: deadline, maxBodyBytes: settings.maxBodyBytes)
        let answer: HTTPAnswer
        do {
            answer = try reader.read()
        } catch {
            stream.close()
            return error.result
        }
        if let keepAlive = KeepAlive(after: answer, idleSeconds: settings.keepAliveIdleSeconds) {
            pool.checkIn(stream, keepAlive: keepAlive)
        } else {
            stream.close()
        }
        return .answered(
            status: answer.head.status, body: answer.body,
            retryAfter: RetryAfter.seconds(answer.head.value("Retry-After")),
            serverDate: HTTPDate.parse(answer.head.value("Date")))
    }

    /// A live idle connection from the pool, or a new one. Idle connections the server closed
    /// (or wrote to unasked) are closed here, before anything is written to them.
    private func connection(deadline: CallDeadline) throws(TransportFailure) -> any ByteStream {
        while let idle = pool.checkOut() {
            if idle.isIdleAndOpen() { return idle }
            idle.close()
        }
        let stream = try opener.open(settings.endpoint, deadline: deadline)
        pool.noteOpened()
        return stream
    }
}
