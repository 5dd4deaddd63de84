// ChaosRun: one cell of the chaos matrix from start to verdict — sandbox up, batch run and
// SIGKILLed, follow-ups, then the results file judged against the sandbox's state.

import Foundation
import KazeProtocol
import KazeTestSupport

@testable import KazeSandbox

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct ChaosRun {
    struct Settings {
        let rows: Int
        let kills: Int
    }

    struct Result {
        var rows = 0
        var faults = "n/a"
        var kills = 0
        var double = 0
        var lost = 0
        var unknown = 0
        var notes: [String] = []
    }

    let cell: ChaosCell
    let seed: UInt64
    let settings: Settings

    /// The client under test: this package's build, or another version's binary given in
    /// CHAOS_CLIENT (to measure how an older client fares against the same sandbox).
    static let client = ProcessInfo.processInfo.environment["CHAOS_CLIENT"].map { URL(fileURLWithPath: $0) }

    /// How long after its last send a request may still commit in this matrix (the
    /// late-commit delay is 1.5 s): the client's --settle-seconds.
    static let settleSeconds = 4.0

    func run() throws -> Result {
        let folder = try TemporaryFolder(prefix: "kazebatch-chaos")
        defer { folder.remove() }
        let (csv, cards) = cell.input(rows: settings.rows)
        let input = folder.path("\(cell.operation.rawValue).csv")
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        var result = Result(rows: settings.rows)
        let sandbox: SandboxChild
        do {
            sandbox = try SandboxChild(
                directory: folder.url.appendingPathComponent("sandbox"),
                extra: [
                    "--cards", "\(cards)", "--inventory", "\(max(100, cards))", "--seed", "\(seed)",
                    "--latency-ms", "20", "--latency-jitter-ms", "40",
                ] + cell.flags)
        } catch {
            result.lost = settings.rows
            result.notes.append("the sandbox did not start with \(cell.flags.joined(separator: " ")): \(error)")
            return result
        }
        defer { sandbox.stop() }
        let results = folder.path("results.csv")
        let common = [
            input, "--config", sandbox.configPath, "--results", results, "--quiet", "--timeout", "1",
            "--settle-seconds", "\(Int(Self.settleSeconds))", "--rate", "200", "--concurrency", "8",
        ]
        var random = SplitMix64(seed: seed)
        for _ in 0..<settings.kills {
            let child = try KazebatchChild(["run", cell.operation.rawValue] + common, executable: Self.client)
            Thread.sleep(forTimeInterval: 0.05 + random.fraction() * 0.6)
            if child.process.isRunning {
                child.send(SIGKILL)
                result.kills += 1
            }
            child.wait(limit: 30)
        }
        var last = try KazebatchChild.run(["run", cell.operation.rawValue] + common, limit: 120, executable: Self.client)
        // The follow-ups the tool recommends: reconcile what is in doubt once the settle time has
        // passed, send again what was provably not done.
        for _ in 0..<4 {
            let rows = try ChaosResults.read(results)
            let inDoubt = rows.contains { $0.outcome == "UNKNOWN" }
            let notDone = rows.contains { $0.outcome == "FAILED" && ["NOT_COMMITTED", "TRANSACTION_FAILED"].contains($0.code) }
            let held = rows.contains { $0.outcome == "SKIPPED" }
            guard inDoubt || notDone || held else { break }
            Thread.sleep(forTimeInterval: Self.settleSeconds + 0.5)
            if inDoubt {
                last = try KazebatchChild.run(["reconcile", cell.operation.rawValue] + common, limit: 120, executable: Self.client)
            }
            let nowNotDone = try ChaosResults.read(results).contains { $0.code == "NOT_COMMITTED" }
            if notDone || nowNotDone || held {
                let again = notDone || nowNotDone ? ["--retry-failed"] : []
                last = try KazebatchChild.run(
                    ["run", cell.operation.rawValue] + common + again, limit: 120,
                    executable: Self.client)
            }
        }
        if last.timedOut { result.notes.append("the last command timed out") }
        let state = try Self.state(port: sandbox.port)
        if let faults = state["faults"]?.objectValue {
            result.faults = String(faults.members.reduce(0) { $0 + (Int($1.value.numberText ?? "0") ?? 0) })
        }
        let rows = try ChaosResults.read(results)
        ChaosVerdict(cell: cell, csv: csv, rows: rows, state: state).judge(into: &result)
        return result
    }

    static func state(port: UInt16) throws -> JSONObject {
        let url = URL(string: "http://127.0.0.1:\(port)/_sandbox/state")!
        let box = StateBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, _, _ in
            box.data = data
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        guard let data = box.data, let object = try JSONValue.parse(Array(data)).objectValue else {
            throw TestSupportError.sandboxDidNotStart(line: "no state from the sandbox", stderr: "")
        }
        return object
    }

    private final class StateBox: @unchecked Sendable { var data: Data? }
}
