// BatchRequest+Stop: what `run` and `reconcile` do around an early stop — the output files
// whose temporary copies are cleaned up, and the exit code with how to resume.

import Foundation
import KazeBatch

extension BatchRequest {
    /// The files a run writes under a temporary name first (results, validation errors).
    var outputPaths: [String] { [resultsPath, validation.errorsURL.path] }

    /// Removes the temporary output files a killed run left behind.
    func removeLeftoverTemporaryFiles() {
        outputPaths.forEach { TemporaryOutputs.remove(besides: $0) }
    }

    /// The exit code of a finished run; after a stop (a signal, the input changing), also
    /// says on stderr how to resume.
    func exitCode(of outcome: RunResult, command: String) -> ExitCode {
        let summary = outcome.summary
        let again =
            "run the same command again (kazebatch \(command) \(validation.operation.batchName) \(validation.inputPath)"
            + " with the same options): it resumes where this run stopped and sends nothing twice"
        switch summary.journalStop == nil ? summary.stopReason : nil {
        case .signal(let number)?:
            Console.error("stopped by \(StopReason.name(of: number)); the results are written. To resume, \(again)")
        case .inputChanged?:
            Console.error(
                "\(validation.inputPath) changed while the batch was running: no new row was started, the rows"
                    + " in flight finished, and the results cover the file's first \(source.size) bytes (rows added after"
                    + " them were not read). To resume, put the file back as it was (remove the added rows) and \(again);"
                    + " send added rows as a new file")
        case nil:
            break
        }
        return ExitCode(outcome.verdict)
    }
}
