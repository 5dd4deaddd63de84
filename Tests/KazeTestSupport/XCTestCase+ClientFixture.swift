// XCTestCase+ClientFixture: a sandbox folder holding the shared test keys, and an in-process
// sandbox started from it with a real KazePayClient, both cleaned up when the test ends.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import XCTest

extension XCTestCase {
    /// Keys of the process-wide test pair copied into a fresh folder, so no RSA generation is needed.
    public func makeSandboxFolder() throws -> SandboxDirectory {
        let directory = SandboxDirectory(path: try temporaryFolder("kazebatch-sandbox").url.path)
        try TestKeys.platform.pkcs8PEM().write(toFile: directory.file("platform.pem"), atomically: true, encoding: .utf8)
        try TestKeys.merchant.pkcs8PEM().write(toFile: directory.file("merchant.pem"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.file("merchant.pem"))
        return directory
    }

    /// Starts a sandbox from a fresh folder and loads a client from its kazebatch.json.
    public func startWithClient(
        timeoutSeconds: Double = 10, concurrency: Int = 4, _ configure: (inout SandboxOptions) -> Void = { _ in }
    ) throws -> SandboxWithClient {
        let fixture = try SandboxWithClient(
            directory: try makeSandboxFolder(),
            flags: ["timeout": String(timeoutSeconds), "concurrency": String(concurrency)], configure)
        addTeardownBlock { fixture.stop() }
        return fixture
    }
}
