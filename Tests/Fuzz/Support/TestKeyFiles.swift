// TestKeyFiles: the committed throw-away test keys (Tests/KazeCryptoTests/Fixtures), for the
// fuzz targets that open envelopes or load configurations.

import Foundation
import KazeCrypto

/// The fixture keys of the crypto tests.
public enum TestKeyFiles {
    /// Tests/KazeCryptoTests/Fixtures of this checkout (found from this file's path).
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KazeCryptoTests/Fixtures").path

    /// The fixture file `name` (`merchant.pem`, `platform.pub`, …).
    public static func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// The private key in fixture file `name`.
    public static func privateKey(_ name: String) -> RSAPrivateKey {
        load(name) { try RSAPrivateKey(pem: $0) }
    }

    /// The public key in fixture file `name`.
    public static func publicKey(_ name: String) -> RSAPublicKey {
        load(name) { try RSAPublicKey(pem: $0) }
    }

    private static func load<Key>(_ name: String, _ make: (String) throws -> Key) -> Key {
        do {
            return try make(String(contentsOfFile: path(name), encoding: .utf8))
        } catch {
            fatalError("cannot load the test key \(path(name)): \(error)")
        }
    }
}
