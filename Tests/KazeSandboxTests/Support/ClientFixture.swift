// ClientFixture: a sandbox in a temporary folder (keys and kazebatch.json written by
// SandboxDirectory) and a real KazePayClient loaded from that generated config.

import Foundation
import KazeClient
import KazeCrypto
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

/// A running sandbox and a real client configured from its folder.
struct ClientFixture {
    let sandbox: Sandbox
    let client: KazePayClient
    let directory: SandboxDirectory
    let port: UInt16

    /// The transactions in the sandbox state.
    var transactionCount: Int { sandbox.stateJSON().objectValue?["transactions"]?.arrayValue?.count ?? -1 }
}

extension XCTestCase {
    /// Keys of the process-wide test pair copied into a fresh folder, so no RSA generation is needed.
    func makeSandboxFolder() throws -> SandboxDirectory {
        let directory = SandboxDirectory(path: try temporaryFolder("kazebatch-sandbox").url.path)
        try TestKeys.platform.pkcs8PEM().write(toFile: directory.file("platform.pem"), atomically: true, encoding: .utf8)
        try TestKeys.merchant.pkcs8PEM().write(toFile: directory.file("merchant.pem"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.file("merchant.pem"))
        return directory
    }

    /// Starts a sandbox from a fresh folder and loads a client from its kazebatch.json.
    func startWithClient(
        timeoutSeconds: Double = 10, concurrency: Int = 4, _ configure: (inout SandboxOptions) -> Void = { _ in }
    ) throws -> ClientFixture {
        let directory = try makeSandboxFolder()
        let keys = try directory.prepareKeys()
        var options = SandboxOptions(platformKey: keys.platformKey, merchantPublicKey: keys.merchantPublicKey)
        configure(&options)
        let sandbox = try Sandbox(options: options)
        let port = try sandbox.start()
        addTeardownBlock { sandbox.stop() }
        let configPath = try directory.writeClientConfig(port: port, sysId: options.sysId)
        let configuration = try Configuration.load(
            configPath: configPath, environment: [:],
            flags: ["timeout": String(timeoutSeconds), "concurrency": String(concurrency)])
        return ClientFixture(sandbox: sandbox, client: try KazePayClient(configuration: configuration), directory: directory, port: port)
    }
}
