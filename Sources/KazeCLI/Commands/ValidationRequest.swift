// ValidationRequest: the part of `validate` and `plan` command lines they share — operation, input
// file, format, errors path, duplicates flag — turned into a validation run.

import Foundation
import KazeBatch
import KazeProtocol

/// A parsed `<op> <file> [--format] [--errors] [--allow-duplicates]` command line.
struct ValidationRequest {
    /// Options taking a value.
    static let valued: Set<String> = ["format", "errors"]
    /// Flags.
    static let boolean: Set<String> = ["allow-duplicates"]

    let operation: APIOperation
    /// The input file as the user named it.
    let inputPath: String
    let inputURL: URL
    let format: InputFormat
    /// The errors file (`run` moves it aside when another batch owns the default).
    var errorsURL: URL
    let options: ValidationOptions

    /// Reads the request from parsed arguments.
    /// - Throws: `CLIError` (exit 2) for a wrong operation, file count or format.
    init(_ arguments: Arguments, command: String) throws {
        guard arguments.positionals.count == 2 else {
            throw CLIError("usage: kazebatch \(command) <op> <file> (see kazebatch \(command) --help)")
        }
        let name = arguments.positionals[0]
        guard let operation = APIOperation(name: name) else {
            let names = APIOperation.allCases.map(\.batchName).joined(separator: ", ")
            let known = APIOperation.allCases.flatMap { [$0.batchName, $0.apiCode] }
            throw CLIError("unknown operation \"\(name)\"\(Suggestion.hint(for: name, among: known)); use one of: \(names)")
        }
        self.operation = operation
        inputPath = arguments.positionals[1]
        inputURL = URL(fileURLWithPath: inputPath)
        do {
            format = try InputFormat.detect(path: inputPath, override: arguments.value("format"))
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        errorsURL = arguments.value("errors").map { URL(fileURLWithPath: $0) } ?? ErrorsFile.defaultURL(forInput: inputURL)
        try OutputPaths.checkDistinct(input: inputPath, outputs: [("--errors", errorsURL.path)])
        options = ValidationOptions(allowDuplicates: arguments.flag("allow-duplicates"))
    }

    /// Validates the file and writes the errors CSV.
    /// - Throws: `CLIError` (exit 2) when the input or the errors file cannot be used.
    func validate() throws -> ValidationSummary {
        try validate(against: RepeatGuard(operation: operation, resuming: false)).summary
    }

    /// Validates like `validate()` and, in the same pass, finds the valid records that other
    /// batches of this file did or started (`repeatGuard`).
    /// - Throws: as `validate()`.
    func validate(against repeatGuard: RepeatGuard) throws -> (summary: ValidationSummary, repeats: RepeatFinding?) {
        let validator = BatchValidator(operation: operation, file: inputURL, format: format, options: options)
        do {
            return try validator.validate(writingErrorsTo: errorsURL, against: repeatGuard)
        } catch let error as InputError {
            throw CLIError(error.description)
        }
    }
}
