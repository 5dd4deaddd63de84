// TLSFiles: where a TLS identity's PEM files are — the CA certificate, the server certificate
// and the server's private key.

import Foundation

/// The PEM files of a TLS identity.
public struct TLSFiles: Sendable, Equatable {
    /// The CA certificate clients trust (`caFile`).
    public let caCertificatePath: String
    /// The server certificate (signed by the CA).
    public let certificatePath: String
    /// The server's private key (mode 0600).
    public let keyPath: String

    /// `ca.pem`, `server.pem` and `server-key.pem` in `directory`.
    public init(directory: String) {
        let folder = URL(fileURLWithPath: directory)
        caCertificatePath = folder.appendingPathComponent("ca.pem").path
        certificatePath = folder.appendingPathComponent("server.pem").path
        keyPath = folder.appendingPathComponent("server-key.pem").path
    }

    /// True when all three files exist.
    public var exist: Bool {
        [caCertificatePath, certificatePath, keyPath].allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }
}
