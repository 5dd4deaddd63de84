// Harness: runs batches in-process against a FakePlatform with virtual time, in a
// temporary folder, the way `kazebatch run` does.

import Foundation
import KazeClient
import KazeProtocol
import KazeTestSupport

@testable import KazeBatch

/// A batch set up in a temporary folder.
struct Harness {
    let folder: TemporaryFolder
    let platform: FakePlatform
    let batchID: String
    var options = ExecutionOptions()
    /// Signs the audit checkpoints, when set.
    var auditSigner: AuditSigner?

    init(platform: FakePlatform = FakePlatform(), batchID: String = "batch1", folder: TemporaryFolder? = nil) throws {
        self.folder = try folder ?? TemporaryFolder()
        self.platform = platform
        self.batchID = batchID
        options.rate = 1000
        options.burst = 1000
        options.concurrency = 8
        options.seed = 1
        options.settleSeconds = 0
    }

    var stateFolder: StateFolder { StateFolder(batchID: batchID, stateDir: folder.path("state"), inputPath: "x") }
    var resultsPath: String { folder.path("\(batchID).results.csv") }
    var auditPath: String { folder.path("audit.csv") }

    func runner(_ source: ArraySource) -> BatchRunner {
        var runner = BatchRunner(
            operation: source.operation, batchID: batchID, source: source, api: platform,
            options: options, folder: stateFolder, resultsPath: resultsPath, auditPath: auditPath,
            makeRequestNo: RequestCounter.shared.next)
        runner.clock = ManualClock()
        runner.auditSigner = auditSigner
        return runner
    }

    func run(_ source: ArraySource) async throws -> RunResult {
        try await runner(source).run(scan: try Harness.scan(source))
    }

    static func scan(_ source: ArraySource) throws -> ValidationSummary {
        var summary = ValidationSummary(operation: source.operation)
        try source.forEachRecord { summary.add($0) }
        return summary
    }

    func results() throws -> [[String]] {
        Array(CSVText.rows(try String(contentsOfFile: resultsPath, encoding: .utf8)).dropFirst())
    }

    func journal() throws -> JournalIndex { try JournalIndex.load(path: stateFolder.journalPath) }
}

/// Unique request numbers for tests.
final class RequestCounter: @unchecked Sendable {
    static let shared = RequestCounter()
    private let lock = NSLock()
    private var value = 0
    @Sendable func next() -> String {
        lock.withLock {
            value += 1
            return "T\(value)"
        }
    }
}

extension ArraySource {
    var operation: APIOperation {
        if case .valid(let record)? = records.first { return record.operation }
        return .recharge
    }
}
