// SandboxFlagTests: `kazebatch sandbox` flag values that used to be accepted and then broke
// later — a merchant balance such as "1.2.3" (read as 1.2) and a sysId the client refuses.

import Foundation
import KazeCrypto
import KazeSandbox
import XCTest

@testable import KazeCLI

final class SandboxFlagTests: XCTestCase {
    private var key: RSAPrivateKey!

    override func setUpWithError() throws { key = try RSAPrivateKey.generate() }

    private func configure(_ words: [String]) throws -> SandboxOptions {
        var options = SandboxOptions(platformKey: key, merchantPublicKey: try key.publicKey())
        let arguments = try Arguments(words, valued: ["merchant-balance", "sys-id"], boolean: [])
        try SandboxCommand.configure(&options, from: arguments)
        return options
    }

    func testMalformedMerchantBalancesAreRefused() {
        for text in ["1.2.3", ".", "1..5", "1.", ".5", "", "1e5", "-1"] {
            XCTAssertThrowsError(try configure(["--merchant-balance", text]), text) {
                XCTAssertEqual(($0 as? CLIError)?.message, "--merchant-balance must be an amount such as 1000000.00, got \"\(text)\"")
            }
        }
        XCTAssertEqual(try configure(["--merchant-balance", "10.50"]).merchantBalance, Decimal(string: "10.50"))
        XCTAssertEqual(try configure(["--merchant-balance", "0"]).merchantBalance, 0)
    }

    func testSysIdMustBeOneTheClientAccepts() throws {
        for text in ["a b", "", "{\"x", String(repeating: "1", count: 65)] {
            XCTAssertThrowsError(try configure(["--sys-id", text]), text)
        }
        XCTAssertEqual(try configure(["--sys-id", "abc123"]).sysId, "abc123")
    }
}
