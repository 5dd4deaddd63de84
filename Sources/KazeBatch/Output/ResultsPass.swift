// ResultsPass: the last pass over the input — one results row per record in input order,
// from the journal, and the summary that adds them up.

import Foundation
import KazeProtocol

/// Writes results and builds the summary.
public enum ResultsPass {
    /// Reads `source` once more and writes one row per record to `writer` (when given), each
    /// row's final word read back from the journal by offset.
    /// - Parameter validationTime: the `time` of rows never journaled (INVALID, never sent).
    /// - Throws: when the input or the journal cannot be read, or the results not written.
    public static func run(
        source: any BatchSource, index: JournalIndex, writer: ResultsWriter?,
        validationTime: String
    ) throws -> RunSummary {
        var summary = RunSummary()
        var columns: ResultColumns?
        try source.forEachRecord { record in
            if columns == nil, case .valid(let valid) = record { columns = ResultColumns(operation: valid.operation) }
            let row = try result(for: record, index: index, validationTime: validationTime, columns: columns)
            summary.records += 1
            summary.counts[row.outcome, default: 0] += 1
            if row.outcome == .failed { summary.failureCodes[row.code, default: 0] += 1 }
            if index.sentSinceLoad(record.line) { summary.rowsSent += 1 }
            if case .valid(let valid) = record, let amount = valid.amount {
                summary.money.add(
                    amount.decimal, currency: valid.currency, outcome: row.outcome,
                    settled: row.fields["transactionStatus"]?.uppercased() == "SUCCESS")
            }
            try writer?.write(row)
        }
        try writer?.commit()
        return summary
    }

    /// The results row of one record.
    /// - Parameter columns: the operation's columns (made from the record when not given).
    static func result(
        for record: ValidationResult, index: JournalIndex, validationTime: String = "",
        columns: ResultColumns? = nil
    ) throws -> ResultRow {
        guard case .valid(let valid) = record else {
            guard case .invalid(let line, let ref, let issues, let given) = record, let first = issues.first else {
                return ResultRow(line: record.line, ref: record.ref, outcome: .invalid, time: validationTime)
            }
            let more = issues.count > 1 ? " (and \(issues.count - 1) more problem\(issues.count == 2 ? "" : "s"))" : ""
            return ResultRow(
                line: line, ref: ref, outcome: .invalid, code: first.code,
                detail: (first.field.isEmpty ? "" : "\(first.field): ") + first.message + more,
                request: ResultColumns.echoed(given), time: validationTime)
        }
        let request = (columns ?? ResultColumns(operation: valid.operation)).sent(valid)
        guard let row = try index.finalRecord(record.line) else {
            return ResultRow(
                line: record.line, ref: record.ref, outcome: .skipped,
                detail: "not sent: halted, or held back behind an earlier row of its subject that is in doubt",
                request: request, time: validationTime)
        }
        let outcome: RowOutcome
        switch row.state {
        case .succeeded, .settled: outcome = .succeeded
        case .failed, .settleFailed: outcome = .failed
        case .sent, .unknown: outcome = .unknown
        case .pending, .retry: outcome = .skipped
        }
        return ResultRow(
            line: record.line, ref: record.ref, outcome: outcome, code: row.code ?? "",
            detail: row.detail ?? (outcome == .skipped ? "not finished" : ""), requestNo: row.requestNo ?? "",
            attempts: row.attempts, fields: row.fields, request: request,
            time: row.lastEventTime ?? validationTime)
    }
}
