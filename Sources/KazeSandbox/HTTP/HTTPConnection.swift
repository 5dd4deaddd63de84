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

    /// Serves `fd` until the client closes, a limit is hit or the server stops.
    /// The caller closes `fd` afterwards.
    func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        while !registry.isStopped {
            switch parser.parseHead(buffer) {
            case .needMore:
                guard let more = read(fd) else { return }
                buffer += more
            case .reject(let status, let message):
                let refusal = HTTPResponse.text(status: status, message)
                _ = POSIXSocket.writeAll(fd, refusal.serialized(keepAlive: false, date: clock()))
                drainBeforeClose(fd)
                return
            case .head(let head, let consumed):
                let total = consumed + head.contentLength
                while buffer.count < total {
                    guard let more = read(fd) else { return }
                    buffer += more
                }
                let request = HTTPRequest(
                    method: head.method, path: head.path, headers: head.headers, body: Array(buffer[consumed..<total]))
                buffer.removeSubrange(0..<total)
                let response = respond(to: request)
                if response.dropConnection { return }
                let keepAlive = head.keepAlive && !registry.isStopped
                guard POSIXSocket.writeAll(fd, response.serialized(keepAlive: keepAlive, date: clock())), keepAlive
                else { return }
            }
        }
    }

    /// The next bytes from the client; `nil` at end of stream, on error, on stop, or after
    /// the idle timeout passes with nothing received.
    private func read(_ fd: Int32) -> [UInt8]? {
        let deadline = ContinuousClock.now + .milliseconds(Int(parser.limits.idleTimeoutSeconds * 1000))
        while !registry.isStopped, ContinuousClock.now < deadline {
            switch POSIXSocket.waitReadable(fd, milliseconds: 250) {
            case .timedOut: continue
            case .failed: return nil
            case .readable: return POSIXSocket.read(fd, capacity: 64 * 1024)
            }
        }
        return nil
    }

    /// After a refusal, stops writing and discards what the client is still sending (at most
    /// 1 MiB or 1 s), so closing does not reset the connection before it reads the answer.
    private func drainBeforeClose(_ fd: Int32) {
        POSIXSocket.shutdown(fd, .write)
        var discarded = 0
        let deadline = ContinuousClock.now + .seconds(1)
        while discarded < 1024 * 1024, ContinuousClock.now < deadline,
              POSIXSocket.waitReadable(fd, milliseconds: 100) == .readable,
              let chunk = POSIXSocket.read(fd, capacity: 64 * 1024) {
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
