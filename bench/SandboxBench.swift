// SandboxBench: a small load driver for bench/sandbox.sh — the real KazePayClient, configured
// from a running sandbox's kazebatch.json, calls one operation from N concurrent tasks for a
// fixed time and prints calls/second. Compiled by the script against the release build.
//
// usage: sandbox-bench CONFIG SECONDS CONCURRENCY OPERATION(card|balance|recharge) CARDS
// prints: apiCode succeeded-calls elapsed-seconds calls-per-second client-cpu-seconds

import Foundation
import KazeClient
import KazeProtocol

/// Counts calls by outcome across tasks.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var succeeded = 0
    private var failed: [String: Int] = [:]
    func add(_ outcome: CallResult) {
        lock.withLock {
            if case .success = outcome { succeeded += 1 } else { failed["\(outcome)".prefix(60).description, default: 0] += 1 }
        }
    }
    var summary: (Int, [String: Int]) { lock.withLock { (succeeded, failed) } }
}

/// CPU seconds (user + system) this process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

@main
struct SandboxBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 6, let seconds = Double(arguments[2]), let tasks = Int(arguments[3]),
              let operation = APIOperation(name: arguments[4]), let cards = Int(arguments[5]), cards > 0
        else {
            FileHandle.standardError.write(Data("usage: sandbox-bench CONFIG SECONDS CONCURRENCY card|balance|recharge CARDS\n".utf8))
            exit(2)
        }
        let configuration = try Configuration.load(
            configPath: arguments[1], environment: [:], flags: ["concurrency": String(tasks), "timeout": "30"])
        let client = try KazePayClient(configuration: configuration)
        let tally = Tally()
        let cpuAtStart = cpuSeconds()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var index = task
                    while Date() < deadline {
                        let cardID = "SB" + String(format: "%06d", index % cards + 1)
                        var body = JSONObject([("cardID", .string(cardID))])
                        if operation == .recharge { body["amount"] = .number("0.01") }
                        tally.add(await client.call(operation, body: body, requestNo: RequestNumber.make()))
                        index += tasks
                    }
                }
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let (succeeded, failed) = tally.summary
        let cpu = cpuSeconds() - cpuAtStart
        print(String(format: "%@ %d %.1f %.0f %.2f", operation.apiCode, succeeded, elapsed, Double(succeeded) / elapsed, cpu))
        for (reason, count) in failed { FileHandle.standardError.write(Data("failed \(count)x: \(reason)\n".utf8)) }
        exit(failed.isEmpty ? 0 : 1)
    }
}
