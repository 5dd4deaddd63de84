// ProxyTunnel: opens a tunnel to the endpoint through an HTTP proxy with `CONNECT host:port`.
// The proxy resolves the endpoint's name; this machine never does. Everything here happens
// before a request byte exists, so every failure — the proxy down, refusing, answering
// nonsense — is "not sent".

/// CONNECT tunnels.
enum ProxyTunnel {
    /// A stream to `endpoint` through the proxy at `proxy`, ready for the TLS handshake.
    /// - Throws: `TransportFailure.notSent` naming the proxy and what failed.
    static func open(
        to endpoint: EndpointAddress, through proxy: (host: String, port: Int), by deadline: CallDeadline
    ) throws(TransportFailure) -> PlainStream {
        let socket: PlainStream
        do {
            socket = try SocketConnector.connect(host: proxy.host, port: proxy.port, by: deadline.connectBy)
        } catch {
            throw .notSent("\(name(proxy)): \(error.reason)")
        }
        return try tunnel(over: socket, to: endpoint, through: proxy, by: deadline)
    }

    /// Asks the proxy at `proxy`, connected as `socket`, for a tunnel to `endpoint`; returns
    /// `socket`, ready for the TLS handshake, or closes it.
    /// - Throws: `TransportFailure.notSent` naming the proxy and what failed.
    static func tunnel(
        over socket: PlainStream, to endpoint: EndpointAddress, through proxy: (host: String, port: Int), by deadline: CallDeadline
    ) throws(TransportFailure) -> PlainStream {
        let proxyName = name(proxy)
        let target = endpoint.authority(alwaysWithPort: true)
        let request = Array("CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\nUser-Agent: kazebatch\r\n\r\n".utf8)
        do {
            try socket.write(request) { deadline.connectBy }
        } catch {
            socket.close()
            throw .notSent("\(proxyName): cannot send CONNECT: \(error)")
        }
        var reader = AnswerReader(stream: socket, deadline: deadline.connectPhase, maxBodyBytes: 0)
        do throws(TransportFailure) {
            let (head, extra) = try reader.readConnectHead()
            guard (200...299).contains(head.status) else {
                throw TransportFailure.notSent("\(proxyName) refused CONNECT \(target) (HTTP \(head.status))")
            }
            guard extra == 0 else { throw TransportFailure.notSent("\(proxyName) sent data before the tunnel was used") }
            return socket
        } catch {
            socket.close()
            throw .notSent(error.reason.hasPrefix(proxyName) ? error.reason : "\(proxyName): \(error.reason)")
        }
    }

    /// `proxy host:port`, as messages name the proxy.
    static func name(_ proxy: (host: String, port: Int)) -> String { "proxy \(proxy.host):\(proxy.port)" }
}
