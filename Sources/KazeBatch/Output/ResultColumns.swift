// ResultColumns: the fixed columns of an operation's results file — the outcome columns, the
// request fields as the input gave them (secrets never), the response fields (prefixed
// `response_` where a request field has the same name) and `time` — and the safe text of each.

import KazeProtocol

/// The header of one operation's results file, the same in every run whatever the answers held.
public struct ResultColumns: Sendable {
    /// The columns every results file starts with.
    public static let outcome = ["line", "ref", "op", "outcome", "code", "detail", "requestNo", "attempts"]
    /// The last column: when the row's final word was journaled (or validated).
    public static let time = "time"
    /// The prefix of a response field named like a request field.
    public static let responsePrefix = "response_"

    /// The request columns: the operation's input columns without secrets (image paths stay).
    public let request: [String]
    /// The response fields shown, by wire name, in `APIOperation.responseFields` order.
    public let response: [String]
    /// The operation's input columns (secret ones too: `sent` withholds their values).
    private let inputColumns: [FieldSpec]

    /// The columns of `operation`.
    public init(operation: APIOperation) {
        inputColumns = OperationSchema(operation: operation).columns
        request = inputColumns.map(\.name).filter { !Masking.secretFields.contains($0.lowercased()) }
        response = ResponseFields.columns(for: operation)
    }

    /// The response column of `field`: its name, or `response_<name>` when a request column has it.
    public func responseColumn(_ field: String) -> String {
        request.contains(field) ? Self.responsePrefix + field : field
    }

    /// Every column, in order.
    public var header: [String] {
        Self.outcome + request + response.map(responseColumn) + [Self.time]
    }

    /// The request values of a valid record as sent: card numbers masked, secrets withheld,
    /// image columns as the file's path.
    func sent(_ record: ValidRecord) -> [String: String] {
        var values: [String: String] = [:]
        for column in inputColumns {
            if let url = record.images[column.field] {
                values[column.name] = url.path
            } else if let text = record.body[column.field]?.scalarText,
                let shown = Masking.display(field: column.name, value: text)
            {
                values[column.name] = shown
            }
        }
        return values
    }

    /// The raw text an invalid record gave, made safe: secrets withheld, card numbers masked
    /// (also any card number typed into another column). Control characters are the CSV
    /// writer's to encode (`CSVFormat.cell`).
    static func echoed(_ given: [String: String]) -> [String: String] {
        given.reduce(into: [:]) { values, item in
            guard let shown = Masking.display(field: item.key, value: item.value) else { return }
            values[item.key] = Masking.cardNumbers(inText: shown)
        }
    }
}
