// ReconcileCommand: `kazebatch reconcile <op> <file>` — settle the batch's UNKNOWN rows by
// reading the platform, then rewrite the results; nothing is sent that could act twice.

import Foundation
import KazeBatch
import KazeClient

enum ReconcileCommand: Command {
    static let help = """
        usage: kazebatch reconcile <op> <file> [options]

        Resolves the batch's UNKNOWN rows (and requests cut off by a crash) through reads only:
        recharges through queryTransactions (card, amount, currency, time window, never a
        transaction another row owns), KYC through queryUcardKycStatus, activate/set-status/close
        through queryCard. Rewrites the results file. Exit 5 while UNKNOWN rows remain.
          --settle-seconds N   how long after its last send a request may still commit (default 900)
          --state-dir, --results, --audit, --format, --quiet, --json as for run

        \(ConfigOptions.help)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let started = Date()
        let arguments = try Arguments(words, valued: BatchRequest.valued.union(["settle-seconds"]), boolean: BatchRequest.boolean)
        let request = try BatchRequest(arguments, command: "reconcile")
        var runner = try existingBatch(request, arguments: arguments)
        let signals = RunSignals(stopRequest: request.stopRequest, outputs: request.outputPaths, quiet: arguments.flag("quiet"))
        request.removeLeftoverTemporaryFiles()
        runner.stopRequest = request.stopRequest
        let outcome = try await BatchRequest.guarded { try await runner.reconcile() }
        signals.stop()
        try RunReport(request: request, outcome: outcome, words: ["reconcile"] + words, started: started, ended: Date())
            .keepAndPrint(json: arguments.flag("json"), quiet: arguments.flag("quiet"))
        return request.exitCode(of: outcome, command: "reconcile")
    }

    /// The runner of a batch that already ran (reconcile, settle): its journal must exist.
    /// - Throws: `CLIError` (exit 2) when it never ran with this configuration, or the
    ///   configuration or merchant key cannot be used.
    static func existingBatch(_ request: BatchRequest, arguments: Arguments) throws -> BatchRunner {
        guard FileManager.default.fileExists(atPath: request.folder.journalPath) else {
            throw CLIError("no journal for batch \(request.batchID.prefix(16)) in \(request.folder.path): this file was never run with this configuration (the batch id covers the file, sysId and endpoint)")
        }
        let options = try RunCommand.executionOptions(arguments, configuration: request.configuration)
        let signals = RunSignals(stopRequest: request.stopRequest, outputs: request.outputPaths, quiet: arguments.flag("quiet"))
        request.removeLeftoverTemporaryFiles()
        let client: KazePayClient
        do { client = try KazePayClient(configuration: request.configuration) } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
        var runner = BatchRunner(
            operation: request.validation.operation, batchID: request.batchID, source: request.source, api: client,
            options: options, folder: request.folder, resultsPath: request.resultsPath, auditPath: request.auditPath,
            makeRequestNo: RequestNumber.make)
        runner.auditSigner = try request.auditSigner()
        return runner
    }
}
