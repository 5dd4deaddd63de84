// LeakTests: thousands of sign/seal/open calls must not grow the process, which proves every
// EVP object (MD, PKEY and CIPHER contexts, BIOs, keys) is freed.

import Foundation
import KazeCrypto
import XCTest

final class LeakTests: XCTestCase {
    /// Resident set size in bytes, from /proc/self/statm.
    private func residentBytes() throws -> Int {
        let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        let pages = try XCTUnwrap(fields.count > 1 ? Int(fields[1]) : nil)
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// One round of everything that allocates OpenSSL objects.
    private func exercise(_ merchant: EnvelopeCodec, _ platform: EnvelopeCodec, _ pem: String) throws {
        let plain = Array("{\"cardID\":\"SB000001\",\"amount\":10.50}".utf8)
        XCTAssertEqual(try platform.open(try merchant.seal(plain)), plain)
        XCTAssertThrowsError(try platform.open(SealedEnvelope(sign: "00", keyEnc: "00", encrypt: "AAAAAAAAAAAAAAAAAAAAAA==")))
        let key = try RSAPrivateKey(pem: pem)
        _ = try key.publicKey().pem()
        _ = SHA256.hash(plain)
    }

    func testRepeatedCryptoDoesNotGrowMemory() throws {
        let pem = try Fixtures.text("merchant.pem")
        let merchant = EnvelopeCodec(
            profile: .kazepayV1, ownPrivateKey: try Fixtures.privateKey("merchant"), peerPublicKey: try Fixtures.publicKey("platform"))
        let platform = EnvelopeCodec(
            profile: .kazepayV1, ownPrivateKey: try Fixtures.privateKey("platform"), peerPublicKey: try Fixtures.publicKey("merchant"))
        for _ in 0..<200 { try exercise(merchant, platform, pem) }
        let before = try residentBytes()
        for _ in 0..<2_000 { try exercise(merchant, platform, pem) }
        let growth = try residentBytes() - before
        // A single leaked EVP_MD_CTX, EVP_PKEY_CTX or EVP_PKEY per round is well over 1 KiB,
        // i.e. over 2 MiB across 2,000 rounds; the bound leaves room for allocator noise.
        XCTAssertLessThan(growth, 1_500_000, "RSS grew by \(growth) bytes over 2,000 rounds")
    }
}
