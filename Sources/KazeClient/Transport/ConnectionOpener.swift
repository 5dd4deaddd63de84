// ConnectionOpener: opens a new connection to the endpoint — TCP, then (later steps) the proxy
// tunnel and the TLS handshake. All of it happens before a request byte exists: "not sent".

/// Opens connections to the endpoint.
struct ConnectionOpener: Sendable {
    /// A new connection to `endpoint`, ready for a request, opened before `deadline`.
    /// - Throws: `TransportFailure.notSent`.
    func open(_ endpoint: EndpointAddress, by deadline: ContinuousClock.Instant) throws(TransportFailure) -> any ByteStream {
        try SocketConnector.connect(host: endpoint.host, port: endpoint.port, by: deadline)
    }
}
