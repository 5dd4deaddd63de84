// SandboxFixture: an in-process KazePay sandbox on 127.0.0.1 with a client configured for it,
// an input file written in a temporary folder, and the sandbox's state read back.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol
import KazeTestSupport
import KazeSandbox

/// A running sandbox and a client for it; call `stop()` when done.
final class SandboxFixture {
    let folder: TemporaryFolder
    let sandbox: Sandbox
    let client: KazePayClient
    let configuration: Configuration

    /// Starts a sandbox with `cards` ACTIVE cards and the given faults, its other options
    /// adjusted by `configure`.
    init(cards: Int, faults: FaultOptions, _ configure: (inout SandboxOptions) -> Void = { _ in }) throws {
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
    }

    func stop() {
        sandbox.stop()
        folder.remove()
    }

    /// Writes a recharge CSV of one row per card `SB000001...` and returns its URL.
    func rechargeFile(rows: Int, name: String = "recharge.csv") throws -> URL {
        var text = "cardID,currency,amount,ref\n"
        for index in 1...rows { text += "SB\(String(format: "%06d", index)),USD,\(index % 50 + 1).\(index % 10)0,row\(index)\n" }
        let url = folder.url.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Recharge transactions per cardID, from the sandbox's own state.
    func rechargesPerCard() -> [String: Int] {
        Self.rechargesPerCard(sandbox.stateJSON())
    }

    /// Recharge transactions per cardID in a `/_sandbox/state` document.
    static func rechargesPerCard(_ state: JSONValue) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in state.objectValue?["transactions"]?.arrayValue ?? [] {
            guard let transaction = item.objectValue, transaction.text("type") == "Recharge",
                  let card = transaction.text("cardID") else { continue }
            counts[card, default: 0] += 1
        }
        return counts
    }
}
