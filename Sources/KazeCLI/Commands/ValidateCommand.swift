// ValidateCommand: `kazebatch validate <op> <file>` — offline checks of every record, the errors
// CSV written beside the input, a readable summary; exit 0 (clean), 3 (errors) or 2 (unusable).

import Foundation
import KazeBatch
import KazeProtocol

enum ValidateCommand: Command {
    static let help = """
        usage: kazebatch validate <op> <file> [options]

        Checks every record offline (nothing is sent) and writes the errors CSV
        (line,ref,field,code,message; always written, mode 0600), then prints a summary.

        options:
          --format csv|jsonl    input format (default: from the extension)
          --errors PATH         where to write the errors CSV (default <file without extension>.errors.csv)
          --allow-duplicates    repeated records are not errors (default off)
          --json                one JSON object on stdout (counts, issue codes, totals); a problem
                                with the file or command line too ({"error", "exitCode"}) (default off)

        exit status: 0 every record is valid; 3 some are not; 2 the file or the command line
        cannot be used.

        examples:
          kazebatch validate recharge samples/recharge.csv
          kazebatch validate recharge samples/recharge.jsonl --errors /tmp/recharge-errors.csv
          kazebatch validate assign cards.txt --format csv --allow-duplicates
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: ValidationRequest.valued, boolean: ValidationRequest.boolean.union(["json"]))
        let json = arguments.flag("json")
        let request: ValidationRequest
        let summary: ValidationSummary
        do {
            request = try ValidationRequest(arguments, command: "validate")
            summary = try request.validate()
        } catch let error as CLIError where json {
            Console.json(JSONReport.error(error))
            throw error
        }
        let code: ExitCode = summary.invalid > 0 ? .validation : .success
        if json {
            Console.json(
                JSONValue.object(
                    JSONObject([
                        ("operation", .string(request.operation.batchName)), ("input", .string(request.inputPath)),
                        ("records", .number("\(summary.records)")), ("valid", .number("\(summary.valid)")),
                        ("invalid", .number("\(summary.invalid)")), ("errors", .string(request.errorsURL.path)),
                        ("issues", .object(JSONObject(summary.codesByFrequency.map { ($0.code, JSONValue.number("\($0.count)")) }))),
                        ("totals", JSONReport.totals(summary.totalsText)),
                        ("exitCode", .number("\(code.rawValue)")),
                    ])
                ).compactText)
        } else {
            Console.out(summary.report(input: request.inputPath, errorsPath: request.errorsURL.path))
        }
        return code
    }
}
