// ConnectionOpener: opens a new connection to the endpoint — TCP (directly, or a proxy's CONNECT
// tunnel), then the TLS handshake for https. All of it happens before a request byte exists:
// any failure is "not sent".

/// Opens connections to the endpoint.
struct ConnectionOpener: Sendable {
    /// The TLS context for https endpoints; `nil` for http.
    let tls: TLSContext?
    /// Pinned public keys (empty: none).
    let pins: PublicKeyPins
    /// The proxy to tunnel through, if the endpoint uses one.
    let proxy: (host: String, port: Int)?

    /// An opener for `configuration`'s endpoint.
    /// - Throws: `ConfigurationError` when the TLS settings cannot be used (an unreadable caFile).
    init(_ configuration: Configuration) throws(ConfigurationError) {
        tls = try TLSContext.forEndpoint(of: configuration)
        pins = PublicKeyPins(pins: Set(configuration.pinnedKeys))
        proxy = ProxyRoute.proxy(for: configuration)
    }

    /// A new connection to `endpoint`, ready for a request, opened before `deadline.connectBy`.
    /// - Throws: `TransportFailure.notSent`.
    func open(_ endpoint: EndpointAddress, deadline: CallDeadline) throws(TransportFailure) -> any ByteStream {
        let socket =
            if let proxy {
                try ProxyTunnel.open(to: endpoint, through: proxy, by: deadline)
            } else {
                try SocketConnector.connect(host: endpoint.host, port: endpoint.port, by: deadline.connectBy)
            }
        guard let tls else { return socket }
        return try TLSStream.handshake(over: socket, host: endpoint.host, context: tls, pins: pins, by: deadline.connectBy)
    }
}
