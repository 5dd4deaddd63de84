// BatchRequest: what `run`, `status` and `reconcile` share — the validation request, the
// client configuration (file < environment < flags), the batch id and the file paths.

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

/// A parsed `<op> <file>` command line that acts on a batch's state.
struct BatchRequest {
    /// Options with a value shared by run/status/reconcile (validation, paths, configuration).
    static let valued: Set<String> = ValidationRequest.valued.union(["state-dir", "results", "audit"])
        .union(ConfigOptions.valued)
    /// Flags shared by them.
    static let boolean: Set<String> = ValidationRequest.boolean.union(["quiet", "json"]).union(ConfigOptions.boolean)

    private(set) var validation: ValidationRequest
    let configuration: Configuration
    let batchID: String
    let folder: StateFolder
    let resultsPath: String
    let auditPath: String
    /// The records, each pass checking the file is still the one the batch id covers.
    let source: UnchangedInput
    /// Asked for by a signal or by the input changing: the run starts no new row.
    let stopRequest = StopRequest()

    /// Reads the request and loads the configuration.
    /// - Throws: `CLIError` (exit 2) for usage, configuration or unreadable input.
    init(_ arguments: Arguments, command: String) throws {
        validation = try ValidationRequest(arguments, command: command)
        configuration = try ConfigOptions.configuration(from: arguments)
        do {
            let (validation, configuration) = (validation, configuration)
            source = try UnchangedInput(
                path: validation.inputURL.path, stopRequest: stopRequest,
                fingerprint: { bytes in
                    try BatchID.compute(
                        operation: validation.operation, file: validation.inputURL, sysId: configuration.sysId,
                        endpoint: configuration.endpoint.absoluteString, limit: bytes)
                },
                makeSource: { bytes in
                    var options = validation.options
                    options.byteLimit = bytes
                    return BatchValidator(
                        operation: validation.operation, file: validation.inputURL, format: validation.format,
                        options: options)
                })
            batchID = try Self.snapshotID(
                of: source.batchID, operation: validation.operation, arguments, command: command,
                input: validation.inputPath)
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        folder = StateFolder(batchID: batchID, stateDir: arguments.value("state-dir"), inputPath: validation.inputPath)
        let stem = validation.inputURL.deletingPathExtension()
        let owners: OutputOwners
        do { owners = try OutputOwners.load(besides: folder) } catch let error as JournalError { throw CLIError("\(error)") }
        let claim = OutputClaim(owners: owners, batchID: batchID, operation: validation.operation, input: validation.inputPath)
        resultsPath = try claim.path(option: "--results", explicit: arguments.value("results"), stem: stem, suffix: "results.csv")
        validation.errorsURL = URL(
            fileURLWithPath: try claim.path(
                option: "--errors", explicit: arguments.value("errors"),
                stem: stem, suffix: "errors.csv"))
        auditPath = arguments.value("audit") ?? stem.appendingPathExtension("audit.csv").path
        try OutputPaths.checkDistinct(
            input: validation.inputPath,
            outputs: [
                ("--errors", validation.errorsURL.path), ("--results", resultsPath), ("--audit", auditPath),
            ])
    }

    /// The batch id to act on: `base` for an operation that changes things; for a read-only one
    /// a snapshot (`Snapshot`) — a fresh one for `run`, the newest interrupted one for
    /// `run --resume`, the newest one (or `base` when none) for `status` and `reconcile`.
    /// - Throws: `CLIError` (exit 2) for `--resume` with no interrupted snapshot.
    private static func snapshotID(
        of base: String, operation: APIOperation, _ arguments: Arguments, command: String,
        input: String
    ) throws -> String {
        guard operation.isReadOnly else { return base }
        let root = StateFolder(batchID: base, stateDir: arguments.value("state-dir"), inputPath: input).stateRoot
        guard command == "run" else { return Snapshot.all(base: base, stateRoot: root, input: input).last ?? base }
        guard arguments.flag("resume") else { return Snapshot.fresh(base: base) }
        guard let interrupted = Snapshot.newestInterrupted(base: base, stateRoot: root, input: input) else {
            throw CLIError("--resume: no interrupted snapshot of \(input) to continue; run without --resume to query every row afresh")
        }
        return interrupted
    }

    /// Runs `body`, turning batch errors into operator messages with the contract's exit codes.
    static func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any EngineError {
            throw CLIError(error.description, exitCode: ExitCode(error.verdict))
        } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
    }
}
