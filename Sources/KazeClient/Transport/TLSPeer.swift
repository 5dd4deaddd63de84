// TLSPeer: what a finished TLS handshake shows — the protocol version, how long the server's
// certificate stays valid and the pins of its verified chain.

/// The negotiated session and the server's certificates.
struct TLSPeer: Sendable, Equatable {
    /// The protocol (`TLSv1.3`).
    let version: String
    /// Whole days until the leaf certificate's notAfter (negative once expired); nil when unreadable.
    let leafDaysLeft: Int?
    /// The pin-sha256 of every certificate of the verified chain, leaf first.
    let chainPins: [String]
}
