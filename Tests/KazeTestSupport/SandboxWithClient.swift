// SandboxWithClient: an in-process sandbox on 127.0.0.1 started from a sandbox folder (keys and
// kazebatch.json), and a real KazePayClient loaded from the configuration it wrote.

import KazeClient
import KazeSandbox

/// A running in-process sandbox and a client configured from its folder; `stop()` it when done.
public struct SandboxWithClient {
    /// The sandbox itself (state, stop).
    public let sandbox: Sandbox
    /// The loopback port it listens on.
    public let port: UInt16
    /// Its folder: keys and `kazebatch.json`.
    public let directory: SandboxDirectory
    /// The client configuration loaded from `kazebatch.json` with `flags`.
    public let configuration: Configuration
    /// A client using `configuration`.
    public let client: KazePayClient

    /// Uses (or creates) the keys in `directory`, starts a sandbox with options adjusted by
    /// `configure`, writes its `kazebatch.json` and loads a client from it with `flags`
    /// (e.g. `["timeout": "1"]`). A sandbox started before a later failure is stopped.
    public init(
        directory: SandboxDirectory, flags: [String: String], _ configure: (inout SandboxOptions) -> Void = { _ in }
    ) throws {
        let keys = try directory.prepareKeys()
        var options = SandboxOptions(platformKey: keys.platformKey, merchantPublicKey: keys.merchantPublicKey)
        configure(&options)
        let sandbox = try Sandbox(options: options)
        let port = try sandbox.start()
        do {
            let configPath = try directory.writeClientConfig(port: port, sysId: options.sysId)
            configuration = try Configuration.load(configPath: configPath, environment: [:], flags: flags)
            client = try KazePayClient(configuration: configuration)
        } catch {
            sandbox.stop()
            throw error
        }
        self.sandbox = sandbox
        self.port = port
        self.directory = directory
    }

    /// The number of transactions in the sandbox state (-1 if the state has none).
    public var transactionCount: Int { sandbox.transactionCount }

    /// Stops the sandbox.
    public func stop() { sandbox.stop() }
}
