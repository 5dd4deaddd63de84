// ExportCommand: `kazebatch export transactions|balances <cards-file>` — the platform's
// transactions (every page, split where the page cap hides some) or balances of every card of
// a CSV/JSONL file, as one CSV written atomically, mode 0600.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

enum ExportCommand: Command {
    static let help = """
        usage: kazebatch export transactions <cards-file> [--from TIME] [--to TIME] [--out PATH] [options]
               kazebatch export balances <cards-file> [--out PATH] [options]

        Reads the cards of a CSV or JSONL file with a cardID column (other columns are ignored,
        so a batch's input or results file serves; each card once) and exports, read-only and
        paced like `run`: `transactions` — one row per transaction of each card in the window
        (cardID first, then every documented field, amounts as the platform wrote them), every
        page; a window that hits the platform's 10-page cap is split in halves until each part
        fits. `balances` — cardID, currency, avaBalance, blockBalance and the UTC time queried.
        Times are the platform's wall clock "yyyy-MM-dd HH:mm:ss" (its zone: platformUtcOffset).

        options:
          --from TIME        first platform time of the window  (default: 24 h before --to)
          --to TIME          last platform time of the window   (default: now on the platform's
                                                                 clock, measured)
          --out PATH         the CSV to write        (default <cards-file>.transactions.csv /
                                                      <cards-file>.balances.csv)
          --format csv|jsonl the cards file's format (default: from the extension)

        exit status: 0 every card exported · 1 some cards could not be (named; e.g. more than 1,000
        transactions in one second) · 2 usage, configuration or unreadable cards file.

        examples:
          kazebatch export transactions cards.csv --config live.json --live
          kazebatch export transactions pay.results.csv --from "2026-12-01 00:00:00" --to "2026-12-01 23:59:59" --out dec1.csv
          kazebatch export balances cards.jsonl --config live.json --live --out balances.csv

        \(ConfigOptions.help)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(
            words, valued: ConfigOptions.valued.union(["from", "to", "out", "format"]),
            boolean: ConfigOptions.boolean)
        guard arguments.positionals.count == 2, let kind = arguments.positionals.first, ["transactions", "balances"].contains(kind) else {
            throw CLIError("usage: kazebatch export transactions|balances <cards-file> [--out PATH]")
        }
        if kind == "balances", arguments.value("from") != nil || arguments.value("to") != nil {
            throw CLIError("--from and --to are for export transactions; balances are as of now")
        }
        let input = arguments.positionals[1]
        let out = arguments.value("out") ?? URL(fileURLWithPath: input).deletingPathExtension().appendingPathExtension("\(kind).csv").path
        try OutputPaths.checkDistinct(input: input, outputs: [("--out", out)])
        let cards: [String]
        do {
            cards = try CardList.read(path: input, format: try InputFormat.detect(path: input, override: arguments.value("format")))
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        let configuration = try ConfigOptions.configuration(from: arguments)
        let client: KazePayClient
        do { client = try KazePayClient(configuration: configuration) } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
        let options = ExecutionOptions(
            rate: configuration.rate, burst: configuration.burst, concurrency: configuration.concurrency,
            platformUtcOffset: configuration.platformUtcOffset,
            callTimeoutSeconds: configuration.timeoutSeconds)
        let export = CardExport(api: client, options: options, makeRequestNo: RequestNumber.make)
        let report: CardExport.Report
        var what = "balance"
        do {
            if kind == "transactions" {
                let offset = await export.platformOffset(probeCard: cards[0])
                let window: ExportWindow
                do { window = try ExportWindow.given(from: arguments.value("from"), to: arguments.value("to"), offset: offset) } catch {
                    throw CLIError("\(error)")
                }
                report = try await export.transactions(of: cards, in: window, to: out)
                what = "transaction"
                Console.out("window \(window.text) platform time (\(window.source))")
            } else {
                report = try await export.balances(of: cards, to: out)
            }
        } catch let error as OutputError {
            throw CLIError("\(error)")
        }
        Console.out(
            "exported \(report.rows) \(what)\(report.rows == 1 ? "" : "s") of \(report.cards) of \(cards.count) card\(cards.count == 1 ? "" : "s") to \(out)"
        )
        guard report.problems.isEmpty else {
            Console.error(ExportError.incomplete(report.problems).description + "; those cards are not in the file")
            return .someFailed
        }
        return .success
    }
}
