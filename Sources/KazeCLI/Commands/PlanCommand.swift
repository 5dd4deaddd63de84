// PlanCommand: `kazebatch plan <op> <file>` — the same offline validation as `validate`, then what
// a run would send: record counts, money totals per currency (recharge) and the batch id.

import Foundation
import KazeBatch
import KazeProtocol

enum PlanCommand: Command {
    static let help = """
        usage: kazebatch plan <op> <file> [--format csv|jsonl] [--errors PATH] [--allow-duplicates]
                              [configuration options]

        Validates every record like `validate` (writing the errors CSV), then prints what `run`
        would send: the records to send, money totals per currency for recharges (the values
        `run --confirm-total` expects) and the batch id (SHA-256 of operation, input bytes, sysId and
        endpoint), which names the batch's journal. Exit 0 when every record is valid, 3 when any
        is not, 2 when the file, the configuration or the command line cannot be used.

        """ + ConfigOptions.help

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(
            words, valued: ValidationRequest.valued.union(ConfigOptions.valued),
            boolean: ValidationRequest.boolean.union(ConfigOptions.boolean))
        let request = try ValidationRequest(arguments, command: "plan")
        let configuration = try ConfigOptions.configuration(from: arguments)
        let summary = try request.validate()
        let batchID: String
        do {
            batchID = try BatchID.compute(
                operation: request.operation, file: request.inputURL, sysId: configuration.sysId,
                endpoint: configuration.endpoint.absoluteString)
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        print(summary.report(input: request.inputPath, errorsPath: request.errorsURL.path))
        print(summary.planReport(batchID: batchID, endpoint: configuration.endpoint.absoluteString))
        return summary.invalid > 0 ? .validation : .success
    }
}
