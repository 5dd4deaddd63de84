// TransportSettings: the configuration the transport works from.

import Foundation

/// Where and how the transport connects, and its limits.
struct TransportSettings: Sendable {
    /// The endpoint, split for the wire.
    let endpoint: EndpointAddress
    /// Seconds for connecting (TCP, proxy CONNECT, TLS handshake): beyond, not sent.
    let connectSeconds: Double
    /// Seconds without an answer byte before the outcome is unknown; the whole call gets twice this.
    let answerSeconds: Double
    /// The largest answer body accepted.
    let maxBodyBytes: Int
    /// Idle seconds after which a kept-alive connection is not reused (0: never reused).
    let keepAliveIdleSeconds: Double
    /// How many idle connections are kept.
    let poolCapacity: Int

    /// The transport settings of `configuration`.
    init(_ configuration: Configuration) {
        endpoint = EndpointAddress(configuration.endpoint)
        connectSeconds = configuration.connectTimeoutSeconds
        answerSeconds = configuration.timeoutSeconds
        maxBodyBytes = configuration.maxResponseBytes
        keepAliveIdleSeconds = configuration.keepAliveIdleSeconds
        poolCapacity = configuration.concurrency
    }
}
