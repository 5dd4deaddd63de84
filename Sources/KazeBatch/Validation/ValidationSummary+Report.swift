// ValidationSummary+Report: the summary as the operator reads it on the terminal.

import Foundation

extension ValidationSummary {
    /// A few aligned lines: records, valid, invalid, the most frequent error codes, money totals
    /// (recharge) and where the errors file is.
    /// - Parameters:
    ///   - input: the input file as the user named it.
    ///   - errorsPath: the errors CSV written.
    ///   - topCodes: how many error codes to list.
    public func report(input: String, errorsPath: String, topCodes: Int = 5) -> String {
        var lines = ["\(operation.batchName) \(input)"]
        lines.append("  records  \(records)")
        lines.append("  valid    \(valid)")
        lines.append("  invalid  \(invalid)")
        if issueCount > 0 {
            let shown = codesByFrequency.prefix(topCodes).map { "\($0.code) \($0.count)" }
            let more = codesByFrequency.count > topCodes ? ", ..." : ""
            lines.append("  errors   \(issueCount) (\(shown.joined(separator: ", "))\(more))")
        }
        if operation.movesMoney {
            lines.append("  totals   \(totalsText.isEmpty ? "none" : totalsText.joined(separator: " "))")
        }
        lines.append("  errors file: \(errorsPath)")
        return lines.joined(separator: "\n")
    }
}
