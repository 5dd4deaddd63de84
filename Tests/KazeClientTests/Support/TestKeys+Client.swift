// TestKeys+Client: the platform side's codec from the shared test keys, the keys written as
// files with the modes a real setup uses, and a loopback configuration using them.

import Foundation
import KazeClient
import KazeCrypto
import KazeTestSupport
import XCTest

extension TestKeys {
    /// The codec the platform side uses: platform private key, merchant public key.
    static func platformCodec(_ profile: CryptoProfile = .kazepayV1) throws -> EnvelopeCodec {
        EnvelopeCodec(profile: profile, ownPrivateKey: try platform, peerPublicKey: try merchant.publicKey())
    }
}

/// Writes `merchant.pem` (mode `mode`) and `platform.pub` into `folder`.
func writeKeyFiles(into folder: URL, mode: Int = 0o600) throws {
    let merchant = folder.appendingPathComponent("merchant.pem")
    try Data(try TestKeys.merchant.pkcs8PEM().utf8).write(to: merchant)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: merchant.path)
    try Data(try TestKeys.platform.publicKey().pem().utf8).write(to: folder.appendingPathComponent("platform.pub"))
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
