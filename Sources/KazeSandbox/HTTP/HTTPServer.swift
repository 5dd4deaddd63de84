// HTTPServer: a small HTTP/1.1 server on POSIX sockets, listening on 127.0.0.1 only. One
// accept thread, one thread per connection (keep-alive, pipelining), an async handler.

import Foundation

/// Serves HTTP/1.1 on 127.0.0.1 with Content-Length bodies and bounded sizes.
///
/// ```swift
/// let server = HTTPServer(port: 0) { request in .json(bytes: Array("{}".utf8)) }
/// let port = try server.start()
/// defer { server.stop() }
/// ```
/// Malformed requests are answered 400 (431 for oversized headers, 413 for oversized bodies,
/// 411 for chunked bodies) and the connection is closed; no input can crash the server. One
/// connection more than `limits.maxConnections`, and the connection whose bytes would take the
/// request bytes buffered across connections past `limits.maxBufferedBytes`, are answered 503
/// with `Retry-After: 1` and closed.
/// Every answer carries a `Date` header read from `clock` (unless the handler set one).
public final class HTTPServer: Sendable {
    private let requestedPort: UInt16
    private let limits: HTTPLimits
    private let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    private let clock: @Sendable () -> Date
    private let registry = ConnectionRegistry()
    private let tls: TLSServerContext?
    /// Requests read, connections refused, and request bytes buffered (now and at the peak).
    public let traffic: HTTPTraffic

    /// A server that will listen on `port` (0 = any free port) and answer with `handler`,
    /// dating its answers by `clock` (default: the real clock); over TLS when `tls` is given (HTTPS);
    /// counting into `traffic`.
    public init(
        port: UInt16 = 0, limits: HTTPLimits = .init(), clock: @escaping @Sendable () -> Date = { Date() },
        tls: TLSServerContext? = nil, traffic: HTTPTraffic = HTTPTraffic(),
        handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) {
        self.requestedPort = port
        self.limits = limits
        self.clock = clock
        self.tls = tls
        self.traffic = traffic
        self.handler = handler
    }

    /// Binds 127.0.0.1 and starts accepting connections.
    /// - Returns: the bound port (the chosen one when `port` was 0).
    /// - Throws: `HTTPServerError` when the port cannot be bound or the server was started before.
    public func start() throws -> UInt16 {
        let (listener, port) = try POSIXSocket.listenOnLoopback(port: requestedPort, backlog: 1024)
        guard registry.begin() else {
            POSIXSocket.close(listener)
            throw HTTPServerError(action: "start the server", reason: "it was already started")
        }
        let registry = self.registry
        let connection = HTTPConnection(
            parser: HTTPRequestParser(limits: limits), handler: handler, registry: registry, traffic: traffic, clock: clock)
        let maxConnections = limits.maxConnections
        let tls = self.tls
        registry.threads.enter()
        let thread = Thread {
            Self.acceptLoop(listener: listener, registry: registry, maxConnections: maxConnections, tls: tls, connection: connection)
            POSIXSocket.close(listener)
            registry.threads.leave()
        }
        thread.name = "http-accept"
        thread.start()
        return port
    }

    /// Stops accepting, closes every connection and waits (up to 5 s) for the threads to end.
    /// Safe to call more than once and from any thread.
    public func stop() {
        guard registry.stopAll() else { return }
        _ = registry.threads.wait(timeout: .now() + 5)
    }

    private static func acceptLoop(
        listener: Int32, registry: ConnectionRegistry, maxConnections: Int, tls: TLSServerContext?, connection: HTTPConnection
    ) {
        while !registry.isStopped {
            guard POSIXSocket.waitReadable(listener, milliseconds: 100) == .readable,
                let fd = POSIXSocket.accept(listener)
            else { continue }
            guard registry.admit(fd, limit: maxConnections) else {
                connection.traffic.countRefusedConnection()
                let busy = HTTPResponse.busy("too many connections")
                _ = POSIXSocket.writeAll(fd, busy.serialized(keepAlive: false, date: connection.clock()))
                POSIXSocket.close(fd)
                continue
            }
            registry.threads.enter()
            let thread = Thread {
                if let stream = tls.map({ $0.accept(fd) }) ?? PlainConnectionStream(fd: fd) { connection.serve(stream) }
                registry.release(fd)
                registry.threads.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
