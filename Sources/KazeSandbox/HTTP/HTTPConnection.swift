// HTTPConnection: the life of one client connection — read a head, read its body, call the
// async handler, write the answer, and again while the connection is kept alive. Every byte it
// buffers is taken from the server's budget first, and given back once its request is answered.

import Foundation

/// Serves the requests of one connection on the calling thread.
struct HTTPConnection: Sendable {
    let parser: HTTPRequestParser
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    let registry: ConnectionRegistry
    /// The server's counters and the budget of buffered bytes across connections.
    let traffic: HTTPTraffic
    /// The time the `Date` header of each answer shows.
    let clock: @Sendable () -> Date

    /// Serves `stream` until the client closes, a limit is hit or the server stops.
    /// The caller closes its socket afterwards.
    func serve(_ stream: any ConnectionStream) {
        var buffer: [UInt8] = []
        defer { traffic.giveBack(buffer.count) }
        while !registry.isStopped {
            switch parser.parseHead(buffer) {
            case .needMore:
                guard read(stream, into: &buffer) else { return }
            case .reject(let status, let message):
                refuse(HTTPResponse.text(status: status, message), on: stream)
                return
            case .head(let head, let consumed):
                let total = consumed + head.contentLength
                while buffer.count < total {
                    guard read(stream, into: &buffer) else { return }
                }
                let request = HTTPRequest(
                    method: head.method, path: head.path, headers: head.headers, body: Array(buffer[consumed..<total]))
                buffer.removeSubrange(0..<total)
                traffic.countRequest()
                let response = respond(to: request)
                traffic.giveBack(total)  // held until answered: the request's body lived on in `request`
                if response.dropConnection { return }
                let keepAlive = head.keepAlive && !registry.isStopped
                guard stream.writeAll(response.serialized(keepAlive: keepAlive, date: clock())), keepAlive else { return }
            }
        }
    }

    /// Appends the client's next bytes to `buffer`, taken from the budget first; false at end of
    /// stream, on error, on stop, after the idle timeout, or when the budget cannot hold them
    /// (then the client was answered 503 with `Retry-After: 1`).
    private func read(_ stream: any ConnectionStream, into buffer: inout [UInt8]) -> Bool {
        guard let more = read(stream) else { return false }
        guard traffic.take(more.count, limit: parser.limits.maxBufferedBytes) else {
            refuse(HTTPResponse.busy("the server is holding too many request bytes; try again"), on: stream)
            return false
        }
        buffer += more
        return true
    }

    /// Writes `refusal` and closes the conversation.
    private func refuse(_ refusal: HTTPResponse, on stream: any ConnectionStream) {
        _ = stream.writeAll(refusal.serialized(keepAlive: false, date: clock()))
        drainBeforeClose(stream)
    }

    /// The next bytes from the client; `nil` at end of stream, on error, on stop, or after
    /// the idle timeout passes with nothing received.
    private func read(_ stream: any ConnectionStream) -> [UInt8]? {
        if stream.hasBufferedBytes { return stream.read(capacity: 64 * 1024) }
        let deadline = ContinuousClock.now + .milliseconds(Int(parser.limits.idleTimeoutSeconds * 1000))
        while !registry.isStopped, ContinuousClock.now < deadline {
            switch POSIXSocket.waitReadable(stream.fd, milliseconds: 250) {
            case .timedOut: continue
            case .failed: return nil
            case .readable: return stream.read(capacity: 64 * 1024)
            }
        }
        return nil
    }

    /// After a refusal, stops writing and discards what the client is still sending (at most
    /// 1 MiB or 1 s), so closing does not reset the connection before it reads the answer.
    private func drainBeforeClose(_ stream: any ConnectionStream) {
        stream.shutdownWrite()
        var discarded = 0
        let deadline = ContinuousClock.now + .seconds(1)
        while discarded < 1024 * 1024, ContinuousClock.now < deadline,
            stream.hasBufferedBytes || POSIXSocket.waitReadable(stream.fd, milliseconds: 100) == .readable,
            let chunk = stream.read(capacity: 64 * 1024)
        {
            discarded += chunk.count
        }
    }

    /// Runs the async handler and waits for its answer on this (non-cooperative) thread.
    private func respond(to request: HTTPRequest) -> HTTPResponse {
        let slot = ResponseSlot()
        let handler = self.handler
        Task.detached {
            slot.fill(await handler(request))
        }
        return slot.take()
    }
}
