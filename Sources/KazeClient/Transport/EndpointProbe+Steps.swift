// EndpointProbe+Steps: what each of the probe's steps can report.

extension EndpointProbe {
    /// Why a step failed, in the transport's own words (`connection refused (127.0.0.1 port 1)`).
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The operator text.
        public let description: String

        init(_ description: String) { self.description = description }
    }

    /// An open TCP connection (through the proxy's tunnel when there is one).
    public struct Connection: Sendable, Equatable {
        /// The numeric address connected to (the proxy's when tunnelling).
        public let address: String
        /// How long connecting (and opening the tunnel) took.
        public let milliseconds: Double
    }

    /// A completed, verified TLS handshake.
    public struct Handshake: Sendable, Equatable {
        /// The protocol (`TLSv1.3`).
        public let version: String
        /// Whole days until the server certificate's end date; nil when it cannot be read.
        public let leafDaysLeft: Int?
        /// Where the trusted CAs came from: the caFile path or "the system trust store".
        public let trustSource: String
    }

    /// The configured pins against the server's verified chain.
    public enum PinCheck: Sendable, Equatable {
        /// No pinnedKeys are configured.
        case notConfigured
        /// A key of the chain has the configured pin `pin`.
        case matched(pin: String)
        /// No key of the chain is pinned: the transport refuses with `reason`; `serverPin` is the leaf's pin.
        case mismatch(reason: String, serverPin: String)
    }
}
