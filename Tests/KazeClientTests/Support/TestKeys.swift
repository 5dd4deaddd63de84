// TestKeys: one merchant and one platform key pair per test run, and temporary folders
// holding them as files with the modes a real setup uses.

import Foundation
import KazeClient
import KazeCrypto
import XCTest

/// Generated test keys (made once per process; RSA generation is slow).
struct TestKeys: Sendable {
    let merchant: RSAPrivateKey
    let platform: RSAPrivateKey

    private static let shared = Result { TestKeys(merchant: try .generate(), platform: try .generate()) }

    /// The shared key pairs.
    static func get() throws -> TestKeys { try shared.get() }

    /// The codec the platform side uses: platform private key, merchant public key.
    func platformCodec(_ profile: CryptoProfile = .kazepayV1) throws -> EnvelopeCodec {
        EnvelopeCodec(profile: profile, ownPrivateKey: platform, peerPublicKey: try merchant.publicKey())
    }
}

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kazeclient-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Writes `merchant.pem` (mode `mode`) and `platform.pub` into `folder`.
func writeKeyFiles(into folder: URL, mode: Int = 0o600) throws {
    let keys = try TestKeys.get()
    let merchant = folder.appendingPathComponent("merchant.pem")
    try Data(try keys.merchant.pkcs8PEM().utf8).write(to: merchant)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: merchant.path)
    try Data(try keys.platform.publicKey().pem().utf8).write(to: folder.appendingPathComponent("platform.pub"))
}

/// A loopback configuration using the key files in `folder`.
func testConfiguration(folder: URL, port: UInt16, timeout: Double = 5, profile: CryptoProfile = .kazepayV1) -> Configuration {
    Configuration(
        endpoint: URL(string: "http://127.0.0.1:\(port)/api") ?? folder,
        sysId: "202402271432298822660001",
        merchantKeyPath: folder.appendingPathComponent("merchant.pem").path,
        platformPublicKeyPath: folder.appendingPathComponent("platform.pub").path,
        profile: profile, timeoutSeconds: timeout)
}
