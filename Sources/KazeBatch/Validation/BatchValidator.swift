// BatchValidator: the public entry to validation — streams an input file once, in order, and
// hands every record's outcome to the caller. It is also the `BatchSource` a run sends from
// (every pass re-reads and re-checks the file). Memory stays constant whatever the file size
// (only duplicate detection grows, about 28 bytes per distinct key: `DuplicateIndex`).

import Foundation
import KazeProtocol

/// Validates the records of one input file for one operation; as a `BatchSource`, it is what
/// the executor reads a batch's records from.
///
/// ```swift
/// let validator = BatchValidator(operation: .recharge, file: url, format: .csv, options: ValidationOptions())
/// var summary = ValidationSummary(operation: .recharge)
/// try validator.forEachRecord { summary.add($0) }
/// ```
public struct BatchValidator: Sendable {
    /// The operation every record asks for.
    public let operation: APIOperation
    /// The input file.
    public let file: URL
    /// How the file is read.
    public let format: InputFormat
    /// How records are checked.
    public let options: ValidationOptions

    /// A validator for `file`; nothing is read until `forEachRecord`.
    public init(operation: APIOperation, file: URL, format: InputFormat, options: ValidationOptions) {
        self.operation = operation
        self.file = file
        self.format = format
        self.options = options
    }

    /// Streams the file once, in order, calling `body` exactly once per record.
    /// A header with unknown columns makes every record invalid (`unknown_column` on each), so
    /// nothing from a mistyped file is ever sent.
    /// - Throws: `InputError` when the file cannot be opened or read, or has no usable header
    ///   (empty file, malformed header, a column named twice); otherwise whatever `body` throws.
    public func forEachRecord(_ body: (ValidationResult) throws -> Void) throws {
        try forEachChecked { try body($0.outcome) }
    }

    /// Streams the file once, in order, calling `body` with each record as the checks left it.
    /// - Throws: as `forEachRecord`.
    func forEachChecked(_ body: (CheckedRecord) throws -> Void) throws {
        let schema = OperationSchema(operation: operation)
        let context = CheckContext(
            today: CalendarDate(utc: options.now), folder: file.deletingLastPathComponent(),
            maxImageBytes: options.maxImageBytes)
        var checker = RecordChecker(schema: schema, context: context, allowDuplicates: options.allowDuplicates)
        switch format {
        case .csv:
            var source = try CSVRecordReader(path: file.path, schema: schema, limit: options.byteLimit)
            try drain(&source, checker: &checker, body)
        case .jsonl:
            var source = try JSONLRecordReader(path: file.path, schema: schema, limit: options.byteLimit)
            try drain(&source, checker: &checker, body)
        }
    }

    private func drain<Source: RecordReader>(
        _ source: inout Source, checker: inout RecordChecker, _ body: (CheckedRecord) throws -> Void
    ) throws {
        var raw = RawRecord()
        while try source.next(into: &raw) {
            try body(checker.check(raw))
        }
    }
}

extension BatchValidator: BatchSource {}
