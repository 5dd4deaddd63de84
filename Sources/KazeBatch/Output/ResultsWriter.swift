// ResultsWriter: the results CSV — one row per input record in input order, with the
// operation's fixed columns (`ResultColumns`) — written atomically with mode 0600.

import KazeProtocol

/// Writes a results file; rows must be given in input order.
public final class ResultsWriter {
    private let file: AtomicFile
    private let operation: APIOperation
    private let columns: ResultColumns

    /// Starts the file at `path` for `operation` and writes the header.
    /// - Throws: `OutputError.io`.
    public init(path: String, operation: APIOperation) throws {
        file = try AtomicFile(path: path)
        self.operation = operation
        columns = ResultColumns(operation: operation)
        try file.write(CSVFormat.row(columns.header))
    }

    /// Adds one row.
    /// - Throws: `OutputError.io`.
    public func write(_ row: ResultRow) throws {
        let fixed = [
            "\(row.line)", row.ref, operation.batchName, row.outcome.rawValue, row.code, row.detail,
            row.requestNo, "\(row.attempts)",
        ]
        try file.write(
            CSVFormat.row(
                fixed + columns.request.map { row.request[$0] ?? "" }
                    + columns.response.map { row.fields[$0] ?? "" } + [row.time]))
    }

    /// Moves the complete file into place.
    /// - Throws: `OutputError.io`.
    public func commit() throws { try file.commit() }
}
