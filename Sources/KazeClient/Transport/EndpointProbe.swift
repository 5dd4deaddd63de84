// EndpointProbe: exactly what the transport does before a request byte is written — resolve,
// connect (directly or through the proxy's CONNECT tunnel), the TLS handshake with the
// configured trust and host name check, the pins — each step's result kept, for
// `kazebatch doctor`. Nothing is sent to the platform.

import Foundation

/// The endpoint's connection steps, as the transport takes them, and what each found.
///
/// Steps stop at the first failure; a step not reached is `nil`.
public struct EndpointProbe: Sendable {
    /// The endpoint's host (an IPv6 address without brackets).
    public let host: String
    /// The endpoint's TCP port.
    public let port: Int
    /// `proxy HOST:PORT` when connections are tunnelled through a proxy (which resolves `host`); nil when direct.
    public let proxy: String?
    /// The name looked up on this machine: the proxy's host when tunnelling, else `host`.
    public let resolvedHost: String
    /// The numeric addresses of `resolvedHost`, or the transport's failure text.
    public private(set) var addresses: Result<[String], Failure>
    /// The TCP connection (and the proxy's tunnel); nil when the lookup failed.
    public private(set) var connection: Result<Connection, Failure>?
    /// The TLS handshake (chain against the configured trust, host name); nil for http or when not connected.
    public private(set) var handshake: Result<Handshake, Failure>?
    /// The pin check; nil when no handshake completed.
    public private(set) var pins: PinCheck?

    /// Takes the steps for `configuration`'s endpoint; blocks the calling thread for at most the
    /// connect timeout.
    public init(_ configuration: Configuration) {
        let endpoint = EndpointAddress(configuration.endpoint)
        let route = ProxyRoute.proxy(for: configuration)
        host = endpoint.host
        port = endpoint.port
        proxy = route.map(ProxyTunnel.name)
        resolvedHost = route?.host ?? endpoint.host
        let deadline = CallDeadline(connectSeconds: configuration.connectTimeoutSeconds, answerSeconds: configuration.timeoutSeconds)
        let resolved: ResolvedHost
        do {
            resolved = try ResolvedHost(host: resolvedHost, port: route?.port ?? endpoint.port)
            addresses = .success(resolved.numericAddresses)
        } catch {
            addresses = .failure(Failure(error.reason))
            return
        }
        guard let socket = connect(resolved, endpoint: endpoint, route: route, deadline: deadline) else { return }
        guard endpoint.usesTLS else {
            socket.close()
            return
        }
        shakeHands(over: socket, endpoint: endpoint, configuration: configuration, deadline: deadline)
    }

    /// Connects to `resolved` (and opens the tunnel through `route`); records the step.
    private mutating func connect(
        _ resolved: ResolvedHost, endpoint: EndpointAddress, route: (host: String, port: Int)?, deadline: CallDeadline
    ) -> PlainStream? {
        let started = ContinuousClock.now
        do {
            var (socket, address) = try SocketConnector.connect(to: resolved, by: deadline.connectBy)
            if let route {
                socket = try ProxyTunnel.tunnel(over: socket, to: endpoint, through: route, by: deadline)
            }
            let elapsed = (ContinuousClock.now - started).components
            let milliseconds = Double(elapsed.seconds) * 1_000 + Double(elapsed.attoseconds) / 1e15
            connection = .success(Connection(address: address, milliseconds: milliseconds))
            return socket
        } catch {
            // The tunnel's failures name the proxy already; a failed connect to the proxy does not.
            let named = route.map {
                error.reason.hasPrefix(ProxyTunnel.name($0)) ? error.reason : "\(ProxyTunnel.name($0)): \(error.reason)"
            }
            connection = .failure(Failure(named ?? error.reason))
            return nil
        }
    }

    /// The handshake over `socket` with the configured trust, then the pins; records both steps.
    private mutating func shakeHands(
        over socket: PlainStream, endpoint: EndpointAddress, configuration: Configuration, deadline: CallDeadline
    ) {
        let stream: TLSStream
        let context: TLSContext
        do throws(ConfigurationError) {
            guard let made = try TLSContext.forEndpoint(of: configuration) else { return socket.close() }
            context = made
        } catch {
            socket.close()
            handshake = .failure(Failure("\(error)"))
            return
        }
        do {
            // Pins are checked below, as a step of their own, against the same chain.
            stream = try TLSStream.handshake(
                over: socket, host: endpoint.host, context: context, pins: PublicKeyPins(pins: []),
                by: deadline.connectBy)
        } catch {
            handshake = .failure(Failure(error.reason))
            return
        }
        defer { stream.close() }
        guard let peer = stream.peer else { return }
        handshake = .success(Handshake(version: peer.version, leafDaysLeft: peer.leafDaysLeft, trustSource: context.trustSource))
        let configured = PublicKeyPins(pins: Set(configuration.pinnedKeys))
        if configured.pins.isEmpty {
            pins = .notConfigured
        } else if let pin = configured.match(in: peer.chainPins) {
            pins = .matched(pin: pin)
        } else {
            pins = .mismatch(reason: configured.mismatch(in: peer.chainPins) ?? "", serverPin: peer.chainPins.first ?? "?")
        }
    }
}
