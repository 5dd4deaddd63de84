// SandboxChild: `kazebatch sandbox --port 0 --dir <folder>` as a child process — started, its
// `listening on http://127.0.0.1:PORT` line read (bounded), and stopped (SIGTERM, then SIGKILL).

import Foundation

/// A running `kazebatch sandbox` child process on a free loopback port.
public final class SandboxChild: Sendable {
    /// The process itself.
    public let child: KazebatchChild
    /// The first line it printed.
    public let line: String
    /// The port it listens on.
    public let port: UInt16
    /// The sandbox folder (keys and `kazebatch.json`).
    public let directory: URL

    /// The client configuration the sandbox wrote into its folder.
    public var configPath: String { directory.appendingPathComponent("kazebatch.json").path }

    /// Starts it with its folder `directory` and `extra` flags; waits up to `limit` seconds for
    /// its listening line and throws `TestSupportError.sandboxDidNotStart` if it does not come.
    public init(directory: URL, extra: [String] = [], limit: Double = 20) throws {
        let child = try KazebatchChild(["sandbox", "--port", "0", "--dir", directory.path] + extra)
        let line = child.firstLine(limit: limit)
        let prefix = extra.contains("--tls") ? "listening on https://127.0.0.1:" : "listening on http://127.0.0.1:"
        guard line.hasPrefix(prefix), let port = UInt16(line.dropFirst(prefix.count)) else {
            let result = child.stop()
            throw TestSupportError.sandboxDidNotStart(line: line, stderr: result.stderr)
        }
        self.child = child
        self.line = line
        self.port = port
        self.directory = directory
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; returns how it ended.
    @discardableResult
    public func stop(grace: Double = 10) -> ChildResult { child.stop(grace: grace) }
}
