// FieldsRecord: a batch of one record given as name=value pairs (the `call` command), checked by
// the very rules a file's records go through, so a call is as strict as a batch row.

import Foundation
import KazeProtocol

/// One record from `name=value` pairs, validated like an input file's record (line 1).
public struct FieldsRecord: BatchSource {
    /// The checks' verdict: a ValidRecord ready to send, or every problem found.
    public let outcome: ValidationResult
    /// The operation the record asks for.
    public let operation: APIOperation

    /// Checks `fields` as one record of `operation`.
    /// - Parameters:
    ///   - fields: column names (any letter case, as in a CSV header; `ref` accepted) and their
    ///     values; a value is trimmed of spaces and tabs, an empty one counts as absent.
    ///   - folder: what relative image paths are resolved against (the working directory).
    ///   - options: the clock and the image size limit.
    /// - Throws: `FieldsRecordError.repeated` when one column is given twice.
    public init(
        operation: APIOperation, fields: [(name: String, value: String)], folder: URL,
        options: ValidationOptions = ValidationOptions()
    ) throws {
        let schema = OperationSchema(operation: operation)
        var raw = RawRecord()
        raw.reset(line: 1, slotCount: schema.slotCount)
        var seen: Set<Int> = []
        for (name, value) in fields {
            guard let slot = schema.slot(forName: name) else {
                raw.unknownColumns.append(name)
                continue
            }
            guard seen.insert(slot).inserted else { throw FieldsRecordError.repeated(schema.fieldName(ofSlot: slot)) }
            let trimmed = FieldText.trimmed(value)
            raw.values[slot] = trimmed.isEmpty ? nil : trimmed
        }
        let context = CheckContext(today: CalendarDate(utc: options.now), folder: folder, maxImageBytes: options.maxImageBytes)
        var checker = RecordChecker(schema: schema, context: context, allowDuplicates: true)
        self.operation = operation
        outcome = checker.check(raw).outcome
    }

    /// The column names `operation` takes, `ref` last.
    public static func columnNames(of operation: APIOperation) -> [String] { OperationSchema(operation: operation).columnNames }

    /// Hands the one record to `body`.
    public func forEachRecord(_ body: (ValidationResult) throws -> Void) throws { try body(outcome) }
}

/// A `name=value` list that cannot be one record.
public enum FieldsRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The same column was given twice.
    case repeated(String)

    public var description: String {
        switch self {
        case .repeated(let name): "field \(name) given twice"
        }
    }
}
