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

    /// The exit code of a finished run; after a stop asked for by a signal, also says on
    /// stderr how to resume.
    func exitCode(of outcome: RunOutcome, command: String) -> ExitCode {
        let status = outcome.summary.exitStatus
        if let signal = outcome.summary.stopSignal, outcome.summary.journalStop == nil {
            Console.error("stopped by \(StopRequest.name(of: signal)); the results are written. To resume, run the same"
                + " command again (kazebatch \(command) \(validation.operation.batchName) \(validation.inputPath) with the same"
                + " options): it resumes where this run stopped and sends nothing twice")
        }
        return ExitCode(rawValue: status) ?? .someFailed
    }
}
