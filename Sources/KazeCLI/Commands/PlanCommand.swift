// PlanCommand: `kazebatch plan <op> <file> [run options]` — a true dry run: the same validation,
// guards and journal read-back as `run` (no lock taken, nothing sent), then what `run` would do:
// rows to send, FAILED rows resent with --retry-failed, in-doubt rows reconciled, finished rows
// skipped, the money of what would be sent — and the exit code `run` would give on refusal.

import Foundation
import KazeBatch
import KazeProtocol

enum PlanCommand: Command {
    static let help = """
        usage: kazebatch plan <op> <file> [run options]

        A dry run of `kazebatch run` with the same options: validates every record (writing the
        errors CSV), applies every guard `run` applies (another batch of the file running or
        repeated, the batch locked, --confirm-total, invalid records) and reads the batch's
        journal without locking it, then prints what `run` would do: rows it would send (new ones
        and ones journaled before a request went out), FAILED rows it would send again with
        --retry-failed, in-doubt rows (cut off before an outcome, or UNKNOWN) it would reconcile
        first, finished rows it would skip, the money of what it would send, the batch's totals
        (the values --confirm-total expects) and the batch id. Nothing is sent and no key is used.

        options:
          --retry-failed, --resend-unknown, --skip-invalid, --allow-repeat,
          --allow-duplicates, --confirm-total CUR:AMOUNT   as for run (default: off)
          --state-dir DIR         journal folder root (default: .kazebatch/ beside the input)
          --format csv|jsonl      input format (default: from the extension)
          --errors PATH           the errors CSV (default: <file>.errors.csv)
          --json                  one JSON object on stdout; a refusal too ({"error", "exitCode"}) (default off)

        \(ConfigOptions.help)

        exit status: 0 `run` would start · 2 `run` would refuse (usage, configuration, input, repeated
        rows, --confirm-total) · 3 invalid records (without --skip-invalid) · 6 the batch is
        locked by a run, or another batch of the file is running.

        examples:
          kazebatch plan recharge payroll.csv
          kazebatch plan recharge payroll.csv --retry-failed --json
          kazebatch plan recharge payroll.csv --confirm-total USD:12500.00
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: RunCommand.valued, boolean: RunCommand.boolean)
        let json = arguments.flag("json")
        do {
            return try await plan(arguments, json: json)
        } catch let error as CLIError where json {
            Console.json(JSONReport.error(error))
            throw error
        }
    }

    private static func plan(_ arguments: Arguments, json: Bool) async throws -> ExitCode {
        let request = try BatchRequest(arguments, command: "plan")
        let startCheck = try await request.startCheck(arguments)
        let options = try RunCommand.executionOptions(arguments, configuration: request.configuration)
        let answer: RunStartCheck.Answer
        do {
            answer = try startCheck.check(validate: request.validation.validate(against:))
        } catch let refusal as RunRefusal {
            switch refusal {
            case .repeats: throw CLIError("run would refuse: " + refusal.description)
            case .totals(let mismatch): throw CLIError("run would refuse: --confirm-total does not match the batch: \(mismatch)")
            }
        } catch let error as any EngineError {
            throw CLIError(error.description, exitCode: ExitCode(error.verdict))
        }
        let validation: ValidationSummary
        switch answer {
        case .invalid(let invalid):
            if !json { Console.out(invalid.report(input: request.validation.inputPath, errorsPath: request.validation.errorsURL.path)) }
            throw CLIError(
                "run would refuse: \(invalid.invalid) invalid record\(invalid.invalid == 1 ? "" : "s");"
                    + " nothing would be sent (fix them, or use --skip-invalid)", exitCode: .validation)
        case .start(let valid):
            validation = valid
        }
        let journalPath = request.folder.journalPath
        let forecast = try await BatchRequest.guarded {
            if let holder = try BatchLock.holder(of: request.folder.lockPath) {
                throw JournalError.locked(path: request.folder.lockPath, holder: holder)
            }
            let journal = FileManager.default.fileExists(atPath: journalPath) ? try JournalIndex.load(path: journalPath) : nil
            return try BatchForecast(
                operation: request.validation.operation, source: request.source, journal: journal,
                options: options)
        }
        let endpoint = request.configuration.endpoint.absoluteString
        if json {
            Console.json(document(request, validation: validation, forecast: forecast, endpoint: endpoint))
        } else {
            Console.out(validation.report(input: request.validation.inputPath, errorsPath: request.validation.errorsURL.path))
            Console.out(validation.planReport(batchID: request.batchID, endpoint: endpoint, forecast: forecast))
        }
        return .success
    }

    /// The plan as one JSON object.
    private static func document(
        _ request: BatchRequest, validation: ValidationSummary, forecast: BatchForecast,
        endpoint: String
    ) -> String {
        func number(_ value: Int) -> JSONValue { .number("\(value)") }
        return JSONValue.object(
            JSONObject([
                ("batch", .string(request.batchID)), ("operation", .string(request.validation.operation.batchName)),
                ("input", .string(request.validation.inputPath)), ("endpoint", .string(endpoint)),
                ("records", number(validation.records)), ("valid", number(validation.valid)), ("invalid", number(validation.invalid)),
                ("wouldSend", number(forecast.sending.valid)), ("notSentBefore", number(forecast.toSend)),
                ("failed", number(forecast.failed)), ("retryFailed", .bool(forecast.resendsFailed)),
                ("reconcile", number(forecast.inDoubt)), ("finished", number(forecast.finished)),
                ("moneyToSend", JSONReport.totals(forecast.sending.totalsText)), ("batchTotals", JSONReport.totals(validation.totalsText)),
                ("exitCode", number(0)),
            ])
        ).compactText
    }
}
