// SandboxFixture: an in-process KazePay sandbox on 127.0.0.1 with a client configured for it,
// an input file written in a temporary folder, and the sandbox's state read back. (The
// end-to-end tests' SandboxProcessFixture runs `kazebatch sandbox` as a child process instead.)

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol
import KazeSandbox

/// A running sandbox and a client for it; call `stop()` when done.
public final class SandboxFixture {
    /// The test's folder (the sandbox's own folder is `sandbox/` in it).
    public let folder: TemporaryFolder
    /// The in-process sandbox.
    public let sandbox: Sandbox
    /// A client configured for the sandbox.
    public let client: KazePayClient
    /// The client's configuration.
    public let configuration: Configuration
    /// The sandbox's loopback port (for `SandboxEndpoints`: state and control).
    public let port: UInt16

    /// Starts a sandbox with `cards` ACTIVE cards and the given faults; `configure` may set any
    /// other sandbox option (clock, zone, purchases, page size cap, dedupe...).
    public init(cards: Int, faults: FaultOptions, configure: (inout SandboxOptions) -> Void = { _ in }) throws {
        folder = try TemporaryFolder()
        let directory = SandboxDirectory(path: folder.path("sandbox"))
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let running = try SandboxWithClient(directory: directory, flags: ["timeout": "1", "concurrency": "32"]) {
            $0.cards = cards
            $0.faults = faults
            configure(&$0)
        }
        sandbox = running.sandbox
        configuration = running.configuration
        client = running.client
        port = running.port
    }

    /// Stops the sandbox and removes the folder.
    public func stop() {
        sandbox.stop()
        folder.remove()
    }

    /// Writes a recharge CSV of one row per card `SB000001...` and returns its URL.
    public func rechargeFile(rows: Int, name: String = "recharge.csv") throws -> URL {
        var text = "cardID,currency,amount,ref\n"
        for index in 1...rows { text += "SB\(String(format: "%06d", index)),USD,\(index % 50 + 1).\(index % 10)0,row\(index)\n" }
        let url = folder.url.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The recharge file `input` as the batch's source, with its validation pass made.
    public func rechargeSource(_ input: URL) throws -> (source: BatchValidator, scan: ValidationSummary) {
        let source = BatchValidator(operation: .recharge, file: input, format: .csv, options: ValidationOptions())
        var scan = ValidationSummary(operation: .recharge)
        try source.forEachRecord { scan.add($0) }
        return (source, scan)
    }

    /// How many faults of `kind` (a flag name without dashes) the sandbox injected.
    public func faultCount(_ kind: String) -> Int {
        Int(sandbox.stateJSON().objectValue?["faults"]?.objectValue?[kind]?.numberText ?? "0") ?? 0
    }

    /// Credits per cardID (recharge transactions that did not fail), from the sandbox's own state.
    public func rechargesPerCard() -> [String: Int] {
        Self.rechargesPerCard(sandbox.stateJSON())
    }

    /// Credits per cardID (recharge transactions that did not fail) in a `/_sandbox/state` document.
    public static func rechargesPerCard(_ state: JSONValue) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in state.objectValue?["transactions"]?.arrayValue ?? [] {
            guard let transaction = item.objectValue, transaction.text("type") == "Recharge",
                transaction.text("status") != "FAILED", let card = transaction.text("cardID")
            else { continue }
            counts[card, default: 0] += 1
        }
        return counts
    }
}
