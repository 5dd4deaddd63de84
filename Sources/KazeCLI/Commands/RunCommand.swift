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
        only with --retry-failed, UNKNOWN ones only with --resend-unknown.
          --rate N / --burst N / --concurrency N   requests per second, bucket size, in flight
          --max-attempts N        attempts per row for transient failures (default 5)
          --confirm-total CUR:AMOUNT  refuse to start unless the batch's total in CUR is exactly
                                  AMOUNT (repeat per currency)
          --max-failures N        stop sending new rows after N failures (exit 4)
          --skip-invalid          send the valid records; invalid ones are INVALID in the results
          --retry-failed          send rows that FAILED in an earlier run again
          --resend-unknown        send rows whose outcome stayed UNKNOWN again (may do it twice!)
          --allow-duplicates      repeated records are not validation errors
          --allow-repeat          run even though another batch of this file (it ran before and
                                  has changed since) did or started some of the same rows,
                                  which is refused otherwise (exit 2): those rows are sent
                                  again and may be done twice
          --resume                card, balance, transactions, kyc-status: continue the newest
                                  interrupted snapshot instead of querying every row afresh
          --settle-seconds N      how long after its last send a request may still commit at the
                                  platform; only then can "not found" prove it was not done
                                  (default 900, at least twice the timeout)
          --state-dir DIR         journal folder root (default .kazebatch/ beside the input)
          --results PATH / --audit PATH / --errors PATH   output files
          --format csv|jsonl      input format (default: from the extension)
          --settle                at the end, one `settle` pass: the final status of recharges
                                  answered PENDING (exit 5 while some are still pending)
          --quiet                 no progress and no summary (errors only)
          --progress-interval N   seconds between progress lines when stderr is not a terminal
                                  (default 30); on a terminal a live bar fits its width
          --json                  the summary as JSON on stdout
        Exit: 0 all succeeded · 1 some FAILED/INVALID · 2 usage/config/input · 3 validation errors,
        nothing sent · 4 halted · 5 UNKNOWN remain · 6 batch locked by another run, or another
        batch of the same file is running · 8 the input was appended to mid-run (rows in flight
        finished, results written; rows added were not read) · 130/143 stopped by SIGINT/SIGTERM (rows in flight
        finished, results written; run the same command again to resume; a second signal exits
        at once).

        \(ConfigOptions.help)
        """

    static let valued = BatchRequest.valued.union(["max-attempts", "confirm-total", "max-failures", "settle-seconds",
                                                   "progress-interval"])
    static let boolean = BatchRequest.boolean.union(["skip-invalid", "retry-failed", "resend-unknown", "allow-repeat", "settle", "resume"])

    static func run(_ words: [String]) async throws -> ExitCode {
        let started = Date()
        let arguments = try Arguments(words, valued: valued, boolean: boolean)
        let request = try BatchRequest(arguments, command: "run")
        let confirmed = try confirmedTotals(arguments.values["confirm-total"] ?? [])
        let options = try executionOptions(arguments, configuration: request.configuration)
        let quiet = arguments.flag("quiet")
        let signals = RunSignals(stopRequest: request.stopRequest, outputs: request.outputPaths, quiet: quiet)
        request.removeLeftoverTemporaryFiles()

        let (preflight, validation, repeats) = try await request.guardAndValidate(allowRepeat: arguments.flag("allow-repeat"))
        if validation.invalid > 0 && !arguments.flag("skip-invalid") {
            if !quiet { Console.status(validation.report(input: request.validation.inputPath, errorsPath: request.validation.errorsURL.path) + "\n") }
            Console.error("\(validation.invalid) invalid record\(validation.invalid == 1 ? "" : "s"); nothing was sent (fix them, or use --skip-invalid)")
            return .validation
        }
        if let repeats { throw CLIError(repeats.message(input: request.validation.inputPath)) }
        if !confirmed.isEmpty, let mismatch = validation.totalMismatch(confirmed: confirmed) {
            throw CLIError("--confirm-total does not match the batch: \(mismatch); nothing was sent")
        }
        if validation.invalid > 0 && !quiet {
            Console.status("note: \(validation.invalid) invalid record\(validation.invalid == 1 ? " is" : "s are") skipped. To send"
                + " them once fixed, put only those rows in a new file: an edited \(request.validation.inputPath) is a new"
                + " batch: kazebatch refuses to run it while it repeats rows this batch paid, and with --allow-repeat"
                + " it would send every row again.\n")
        }
        let client: KazePayClient
        do { client = try KazePayClient(configuration: request.configuration) } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
        let printer = ProgressPrinter(quiet: quiet, terminal: Console.stderrIsTerminal,
                                      interval: try arguments.number("progress-interval", in: 0.1...86_400) ?? 30)
        var runner = BatchRunner(
            operation: request.validation.operation, batchID: request.batchID, source: request.source, api: client,
            options: options, folder: request.folder, resultsPath: request.resultsPath, auditPath: request.auditPath,
            makeRequestNo: RequestNumber.make)
        runner.onProgress = printer.update
        runner.inputPath = request.validation.inputPath
        runner.errorsPath = request.validation.errorsURL.path
        runner.preflight = preflight
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
        var options = ExecutionOptions()
        options.rate = configuration.rate
        options.burst = configuration.burst
        options.concurrency = configuration.concurrency
        options.platformUtcOffset = configuration.platformUtcOffset
        options.maxAttempts = try arguments.integer("max-attempts", in: 1...100) ?? options.maxAttempts
        options.maxFailures = try arguments.integer("max-failures", in: 1...Int(Int32.max))
        options.settleSeconds = try arguments.number("settle-seconds", in: 0...86_400)
            ?? max(options.settleSeconds, 2 * configuration.timeoutSeconds)
        options.retryFailed = arguments.flag("retry-failed")
        options.resendUnknown = arguments.flag("resend-unknown")
        return options
    }

    /// Parses `CUR:AMOUNT` values (exact decimals, one per currency).
    /// - Throws: `CLIError` naming the bad value.
    static func confirmedTotals(_ values: [String]) throws -> [String: Decimal] {
        var totals: [String: Decimal] = [:]
        for value in values {
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
                  let amount = Amount(parts[1])
            else { throw CLIError("--confirm-total must look like USD:12500.00, got \"\(value)\"") }
            guard totals[parts[0]] == nil else { throw CLIError("--confirm-total names \(parts[0]) twice") }
            totals[parts[0]] = amount.decimal
        }
        return totals
    }
}
