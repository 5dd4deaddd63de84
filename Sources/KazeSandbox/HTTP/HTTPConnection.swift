// HTTPConnection: the life of one client connection — read a head, read its body, call the
// async handler, write the answer, and again while the connection is kept alive.

import Foundation

/// Serves the requests of one connection on the calling thread.
struct HTTPConnection: Sendable {
    let parser: HTTPRequestParser
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    let registry: ConnectionRegistry
    /// The time the `Date` header of each answer shows.
    let clock: @Sendable () -> Date

    /// Serves `stream` until the client closes, a limit is hit or the server stops.
    /// The caller closes its socket afterwards.
    func serve(_ stream: any ConnectionStream) {
        var buffer: [UInt8] = []
        while !registry.isStopped {
            switch parser.parseHead(buffer) {
            case .needMore:
                guard let more = read(stream) else { return }
                buffer += more
            case .reject(let status, let message):
                let refusal = HTTPResponse.text(status: status, message)
                _ = stream.writeAll(refusal.serialized(keepAlive: false, date: clock()))
                drainBeforeClose(stream)
                return
            case .head(let head, let consumed):
                let total = consumed + head.contentLength
                while buffer.count < total {
                    guard let more = read(stream) else { return }
                    buffer += more
                }
                let request = HTTPRequest(
                    method: head.method, path: head.path, headers: head.headers, body: Array(buffer[consumed..<total]))
                buffer.removeSubrange(0..<total)
                let response = respond(to: request)
                if response.dropConnection { return }
                let keepAlive = head.keepAlive && !registry.isStopped
                guard stream.writeAll(response.serialized(keepAlive: keepAlive, date: clock())), keepAlive else { return }
            }
        }
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
              let chunk = stream.read(capacity: 64 * 1024) {
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
