// ReconcileCommand: `kazebatch reconcile <op> <file>` — settle the batch's UNKNOWN rows by
// reading the platform, then rewrite the results; nothing is sent that could act twice.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

enum ReconcileCommand: Command {
    static let help = """
        usage: kazebatch reconcile <op> <file> [options]

        Resolves the batch's UNKNOWN rows (and requests cut off by a crash) through reads only:
        recharges through queryTransactions (card, amount, currency, a window in the platform's
        measured clock, every page, never a transaction another row owns), KYC through
        queryUcardKycStatus, activate/set-status/close through queryCard. Sends nothing that could
        act twice. Rewrites the results file and keeps a run report.

        options:
          --settle-seconds N   how long after its last send a request may still commit; "not
                               found" before that leaves the row UNKNOWN (default 900)
          --state-dir DIR      journal folder root (default .kazebatch/ beside the input)
          --results PATH       results file (default <file>.results.csv)
          --audit PATH         audit file appended to (default <file>.audit.csv)
          --format csv|jsonl   input format (default: from the extension)
          --quiet, -q          no summary, errors only (default off)
          --json               the summary as JSON on stdout (default off)

        exit status: 0 every row decided and succeeded · 1 some FAILED · 2 usage, configuration, or
        the batch never ran · 5 UNKNOWN rows remain · 6 batch locked · 7 the journal or audit file
        could not be written · 130/143 stopped by a signal.

        examples:
          kazebatch reconcile recharge pay.csv --config live.json --live
          kazebatch reconcile recharge pay.csv --config live.json --live --settle-seconds 1800 --json

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
            throw CLIError(
                "no journal for batch \(request.batchID.prefix(16)) in \(request.folder.path): this file was never run with this configuration (the batch id covers the file, sysId and endpoint)"
            )
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
