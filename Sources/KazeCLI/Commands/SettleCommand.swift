// SettleCommand: `kazebatch settle recharge <file>` — asks the platform for the final status
// of every SUCCEEDED recharge whose transaction was still pending, journals and audits it
// (SETTLED, or SETTLE_FAILED: the row becomes FAILED TRANSACTION_FAILED), rewrites the
// results and tells the money confirmed, failed and still pending.

import Foundation
import KazeBatch
import KazeProtocol

enum SettleCommand: Command {
    static let help = """
        usage: kazebatch settle recharge <file> [options]

        A recharge the platform answered PENDING is SUCCEEDED in the results but not final: the
        platform may still fail it. settle asks queryTransactions (cardID + transactionId) for each
        such transaction until it is SUCCESS or FAILED or --wait runs out, and journals and audits
        the final status (SETTLED, SETTLE_FAILED). A FAILED transaction moved no money: its row
        becomes FAILED with code TRANSACTION_FAILED and `run --retry-failed` sends it again.
        Reads only; nothing is sent that could move money. Rewrites the results file.

        options:
          --wait SECONDS     keep asking every 2 s while transactions are pending, for up to
                             SECONDS                                   (default 0: one pass)
          --state-dir DIR    journal folder root           (default .kazebatch/ beside the input)
          --results PATH     results file                  (default <file>.results.csv)
          --audit PATH       audit file appended to        (default <file>.audit.csv)
          --format csv|jsonl input format                  (default: from the extension)
          --quiet            no summary (errors only)      (default off)
          --json             the summary as JSON on stdout (default off)

        exit status: 0 every recharge settled SUCCESS · 1 some FAILED (a FAILED transaction among them) ·
        5 some still pending (or UNKNOWN) · 2 usage, configuration or input · 6 batch locked ·
        7 the journal or audit file could not be written.

        examples:
          kazebatch settle recharge pay.csv --config live.json --live
          kazebatch settle recharge pay.csv --config live.json --live --wait 600 --json
          kazebatch run recharge pay.csv --config live.json --live --settle

        \(ConfigOptions.help)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let started = Date()
        let arguments = try Arguments(words, valued: BatchRequest.valued.union(["wait"]), boolean: BatchRequest.boolean)
        guard arguments.positionals.first == APIOperation.recharge.batchName || arguments.positionals.first == APIOperation.recharge.apiCode
        else { throw CLIError("usage: kazebatch settle recharge <file> [--wait SECONDS]: only recharges have transactions to settle") }
        let wait = try arguments.number("wait", in: 0...86_400) ?? 0
        let request = try BatchRequest(arguments, command: "settle")
        let runner = try ReconcileCommand.existingBatch(request, arguments: arguments)
        let outcome = try await BatchRequest.guarded { try await runner.settle(wait: wait) }
        try RunReport(request: request, outcome: outcome, words: ["settle"] + words, started: started, ended: Date())
            .keepAndPrint(json: arguments.flag("json"), quiet: arguments.flag("quiet"))
        return ExitCode(outcome.verdict)
    }
}
