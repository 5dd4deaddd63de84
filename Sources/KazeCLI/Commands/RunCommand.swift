// RunCommand: `kazebatch run <op> <file>` — validate everything, check --confirm-total, then
// execute (resuming the batch's journal), write results and audit, and exit by the contract.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

enum RunCommand: Command {
    static let help = """
        usage: kazebatch run <op> <file> [options]

        Validates every record (nothing is sent if any is invalid, unless --skip-invalid), then
        sends them within the rate limit. Re-running the same command resumes the batch:
        SUCCEEDED rows are skipped, in-doubt rows are reconciled first, FAILED rows are sent again
        only with --retry-failed, UNKNOWN ones only with --resend-unknown. Rows of one card (or
        email) go in input order; read-only operations are snapshots (a fresh query each run).

        options:
          --confirm-total CUR:AMOUNT  refuse to start unless the batch's total in CUR is exactly
                                  AMOUNT; repeat per currency (default: no check)
          --max-attempts N        attempts per row for failures that prove nothing was done (default 5)
          --max-failures N        stop sending new rows after N failures, exit 4 (default: no limit)
          --skip-invalid          send the valid records; invalid ones are INVALID (default off)
          --retry-failed          send rows that FAILED in an earlier run again, each reconciled
                                  first when it may have been done (default off)
          --resend-unknown        send rows whose outcome stayed UNKNOWN again with their own
                                  requestNo; may do them twice (default off)
          --allow-duplicates      repeated records are not validation errors (default off)
          --allow-repeat          run even though another batch of this file did or started some
                                  of the same rows; they may be done twice (default off: exit 2)
          --resume                read-only operations: continue the newest interrupted snapshot
                                  instead of querying every row afresh (default off)
          --settle-seconds N      how long after its last send a request may still commit; only
                                  then can "not found" prove it was not done (default 900)
          --settle                one `settle` pass at the end for recharges answered PENDING
                                  (default off)
          --state-dir DIR         journal folder root (default .kazebatch/ beside the input)
          --results PATH          results file (default <file>.results.csv, or with the batch id
                                  when another batch owns that path)
          --audit PATH            audit file appended to (default <file>.audit.csv)
          --errors PATH           errors file (default <file>.errors.csv)
          --format csv|jsonl      input format (default: from the extension)
          --progress-interval N   seconds between progress lines when stderr is not a terminal
                                  (default 30); on a terminal a live bar fits its width
          --quiet, -q             no progress and no summary, errors only (default off)
          --json                  the summary as JSON on stdout (default off)

        exit status: 0 all succeeded · 1 some FAILED/INVALID · 2 usage/config/input · 3 validation
        errors, nothing sent · 4 halted, or rows held back behind a row in doubt · 5 UNKNOWN remain ·
        6 batch locked, or another batch of the same file is running · 7 the journal or audit file
        could not be written · 8 the input was appended to mid-run · 130/143 stopped by
        SIGINT/SIGTERM after the rows in flight finished (a second signal exits at once).

        examples:
          kazebatch run recharge pay.csv --config live.json --live --confirm-total USD:12500.00
          kazebatch run recharge pay.csv --config live.json --live --retry-failed
          kazebatch run balance cards.csv --config sandbox/kazebatch.json --json

        \(ConfigOptions.help)
        """

    static let valued = BatchRequest.valued.union([
        "max-attempts", "confirm-total", "max-failures", "settle-seconds",
        "progress-interval",
    ])
    static let boolean = BatchRequest.boolean.union(["skip-invalid", "retry-failed", "resend-unknown", "allow-repeat", "settle", "resume"])

    static func run(_ words: [String]) async throws -> ExitCode {
        let started = Date()
        let arguments = try Arguments(words, valued: valued, boolean: boolean)
        let request = try BatchRequest(arguments, command: "run")
        let startCheck = try await request.startCheck(arguments)
        let options = try executionOptions(arguments, configuration: request.configuration)
        let quiet = arguments.flag("quiet")
        let signals = RunSignals(stopRequest: request.stopRequest, outputs: request.outputPaths, quiet: quiet)
        request.removeLeftoverTemporaryFiles()

        let validation: ValidationSummary
        switch try await BatchRequest.guarded({ try startCheck.check(validate: request.validation.validate(against:)) }) {
        case .invalid(let invalid):
            if !quiet {
                Console.status(invalid.report(input: request.validation.inputPath, errorsPath: request.validation.errorsURL.path) + "\n")
            }
            Console.error(
                "\(invalid.invalid) invalid record\(invalid.invalid == 1 ? "" : "s"); nothing was sent (fix them, or use --skip-invalid)")
            return .validation
        case .start(let valid):
            validation = valid
        }
        if validation.invalid > 0 && !quiet {
            Console.status(
                "note: \(validation.invalid) invalid record\(validation.invalid == 1 ? " is" : "s are") skipped. To send"
                    + " them once fixed, put only those rows in a new file: an edited \(request.validation.inputPath) is a new"
                    + " batch: kazebatch refuses to run it while it repeats rows this batch paid, and with --allow-repeat"
                    + " it would send every row again.\n")
        }
        let client: KazePayClient
        do { client = try KazePayClient(configuration: request.configuration) } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
        let printer = ProgressPrinter(
            quiet: quiet, terminal: Console.stderrIsTerminal,
            interval: try arguments.number("progress-interval", in: 0.1...86_400) ?? 30)
        var runner = BatchRunner(
            operation: request.validation.operation, batchID: request.batchID, source: request.source, api: client,
            options: options, folder: request.folder, resultsPath: request.resultsPath, auditPath: request.auditPath,
            makeRequestNo: RequestNumber.make)
        runner.onProgress = printer.update
        runner.inputPath = request.validation.inputPath
        runner.errorsPath = request.validation.errorsURL.path
        runner.preflight = startCheck.preflight
        runner.auditSigner = try request.auditSigner()
        runner.settleAtEnd = arguments.flag("settle")
        runner.stopRequest = request.stopRequest
        let outcome = try await BatchRequest.guarded { try await runner.run(scan: validation) }
        signals.stop()
        printer.finish()
        try RunReport(request: request, outcome: outcome, words: ["run"] + words, started: started, ended: Date())
            .keepAndPrint(json: arguments.flag("json"), quiet: quiet)
        return request.exitCode(of: outcome, command: "run")
    }

    /// The execution options from the flags and configuration.
    static func executionOptions(_ arguments: Arguments, configuration: Configuration) throws -> ExecutionOptions {
        var options = ExecutionOptions(
            rate: configuration.rate, burst: configuration.burst, concurrency: configuration.concurrency,
            platformUtcOffset: configuration.platformUtcOffset,
            callTimeoutSeconds: configuration.timeoutSeconds)
        options.maxAttempts = try arguments.integer("max-attempts", in: 1...100) ?? options.maxAttempts
        options.maxFailures = try arguments.integer("max-failures", in: 1...Int(Int32.max))
        options.settleSeconds = try arguments.number("settle-seconds", in: 0...86_400) ?? options.settleSeconds
        options.retryFailed = arguments.flag("retry-failed")
        options.resendUnknown = arguments.flag("resend-unknown")
        return options
    }
}
