// KeysCommandTests: `kazebatch keys generate` writes a private key only its owner can read,
// a public key beside it, and never overwrites either.

import Foundation
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class KeysCommandTests: XCTestCase {
    func testGenerateWritesAPairAndRefusesToOverwrite() async throws {
        let folder = try temporaryFolder("kazekeys").url.appendingPathComponent("nested")
        await assertExit(["keys", "generate", folder.path], .success)
        let privatePath = folder.appendingPathComponent("merchant.pem").path
        let publicPath = folder.appendingPathComponent("merchant.pub").path
        let attributes = try FileManager.default.attributesOfItem(atPath: privatePath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let privateText = try String(contentsOfFile: privatePath, encoding: .utf8)
        XCTAssertTrue(privateText.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        XCTAssertTrue(try String(contentsOfFile: publicPath, encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----\n"))

        await assertExit(["keys", "generate", folder.path], .usage)
        XCTAssertEqual(try String(contentsOfFile: privatePath, encoding: .utf8), privateText, "left untouched")
        try FileManager.default.removeItem(atPath: privatePath)
        await assertExit(["keys", "generate", folder.path], .usage, "merchant.pub alone also blocks")
        XCTAssertFalse(FileManager.default.fileExists(atPath: privatePath))
    }

    func testUsageErrors() async {
        await assertExit(["keys"], .usage)
        await assertExit(["keys", "make", "/tmp/x"], .usage)
        await assertExit(["keys", "generate", "/tmp/x", "--bits", "1024"], .usage)
    }
}
