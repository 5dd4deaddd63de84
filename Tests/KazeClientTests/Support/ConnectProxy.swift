// ConnectProxy: a tiny HTTP CONNECT proxy on 127.0.0.1 for tests. It records each CONNECT
// target and tunnels it to 127.0.0.1 at the target's port whatever the host name (so a
// non-loopback name is never resolved), or refuses with 403 when told to. Bounded: every wait
// is short and `stop()` ends the tunnels.

import Foundation

final class ConnectProxy: @unchecked Sendable {
    let port: UInt16
    private let server: ScriptedServer
    private let log: TargetLog

    /// A proxy that tunnels (or, with `refuse`, answers 403 to) every CONNECT.
    init(refuse: Bool = false) throws {
        let log = TargetLog()
        server = try ScriptedServer { event in
            guard case .request(_, let head, _) = event else { return [] }
            let target = head.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            log.append(target)
            guard !refuse, head.hasPrefix("CONNECT "), let port = target.split(separator: ":").last.flatMap({ UInt16($0) })
            else { return [.send(Raw.bytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")), .close] }
            return [.tunnel(port: port)]
        }
        port = server.port
        self.log = log
    }

    /// The CONNECT targets received, in order (`kazepay.test:8443`).
    var connectTargets: [String] { log.all }
    /// Connections accepted.
    var connections: Int { server.connections }

    func stop() { server.stop() }
}

/// The targets a proxy was asked for.
private final class TargetLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
