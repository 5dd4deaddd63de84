// CallCommand+Batch: a state-changing call run as a one-row batch — journaled and audited in
// `<state-dir>/calls/<call id>/`, reconciled at once when in doubt, never sent twice.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

extension CallCommand {
    /// Runs `record` through the batch engine and prints what became of it.
    /// - Parameters:
    ///   - command: the words to repeat to resume the call (for the hint when it stays in doubt).
    /// - Returns: the batch's exit code (0 done, 1 failed, 5 still unknown, 7 journal stopped).
    static func runAsBatch(
        _ record: FieldsRecord, client: any CardAPI, arguments: Arguments,
        configuration: Configuration, command: String
    ) async throws -> ExitCode {
        let operation = record.operation
        guard
            let batchID = record.batchID(
                sysId: configuration.sysId, endpoint: configuration.endpoint.absoluteString,
                nonce: RequestNumber.make)
        else { return .validation }
        let root = URL(fileURLWithPath: arguments.value("state-dir") ?? ".kazebatch").appendingPathComponent("calls").path
        let folder = StateFolder(batchID: batchID, stateDir: root, inputPath: root)
        let recorder = CallRecorder(client, recording: operation)
        var options = try RunCommand.executionOptions(arguments, configuration: configuration)
        options.concurrency = 1
        options.retryFailed = true  // a FAILED call was provably not done: repeating the command tries again
        let runner = BatchRunner(
            operation: operation, batchID: batchID, source: record, api: recorder, options: options,
            folder: folder, resultsPath: folder.path + "/results.csv",
            auditPath: folder.path + "/audit.csv", makeRequestNo: RequestNumber.make)
        var scan = ValidationSummary(operation: operation)
        scan.add(record.outcome)
        let outcome = try await BatchRequest.guarded { try await runner.run(scan: scan) }
        let summary = outcome.summary
        if let last = recorder.last, summary.count(.succeeded) == 1, !carriesBody(last.outcome) {
            Console.error(
                "\(operation.apiCode) requestNo \(last.requestNo): the answer was lost, but reconciling through reads"
                    + " found it done (\(folder.path)/results.csv)")
        } else if let last = recorder.last {
            _ = report(last.outcome, operation: operation, requestNo: last.requestNo)
        } else if summary.count(.succeeded) == 1 {
            Console.error(
                "\(operation.apiCode) is done: this same call was confirmed earlier or by reconciling now"
                    + " (\(folder.path)/results.csv); nothing was sent. To do it once more on purpose, add ref=<a new reference>")
        }
        if summary.count(.unknown) > 0 && record.holdsSecret {
            Console.error(
                "\(operation.apiCode) is still in doubt (journal \(folder.journalPath)); it cannot be confirmed by a"
                    + " read and is not resumed by repeating the command: check the card before sending it again")
        } else if summary.count(.unknown) > 0 {
            Console.error(
                "\(operation.apiCode) is still in doubt after reconciling (journal \(folder.journalPath)). Run the same"
                    + " command again later to reconcile it through reads (nothing is sent twice): \(command)")
        }
        return ExitCode(summary.verdict)
    }

    /// True when `outcome` is an opened answer with a body to print.
    private static func carriesBody(_ outcome: CallResult) -> Bool {
        switch outcome {
        case .success, .businessFailure: true
        default: false
        }
    }
}
