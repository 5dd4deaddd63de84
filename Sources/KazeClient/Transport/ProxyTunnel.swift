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
        let name = "proxy \(proxy.host):\(proxy.port)"
        let socket: PlainStream
        do {
            socket = try SocketConnector.connect(host: proxy.host, port: proxy.port, by: deadline.connectBy)
        } catch {
            throw .notSent("\(name): \(error.reason)")
        }
        let target = endpoint.authority(alwaysWithPort: true)
        let request = Array("CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\nUser-Agent: kazebatch\r\n\r\n".utf8)
        do {
            try socket.write(request) { deadline.connectBy }
        } catch {
            socket.close()
            throw .notSent("\(name): cannot send CONNECT: \(error)")
        }
        var reader = AnswerReader(stream: socket, deadline: deadline.connectPhase, maxBodyBytes: 0)
        do throws(TransportFailure) {
            let (head, extra) = try reader.readConnectHead()
            guard (200...299).contains(head.status) else {
                throw TransportFailure.notSent("\(name) refused CONNECT \(target) (HTTP \(head.status))")
            }
            guard extra == 0 else { throw TransportFailure.notSent("\(name) sent data before the tunnel was used") }
            return socket
        } catch {
            socket.close()
            throw .notSent(error.reason.hasPrefix(name) ? error.reason : "\(name): \(error.reason)")
        }
    }
}
