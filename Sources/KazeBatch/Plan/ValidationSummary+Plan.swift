// ValidationSummary+Plan: the plan as the operator reads it — what a run would send, where, and
// under which batch id.

extension ValidationSummary {
    /// The plan lines printed after the validation summary.
    /// - Parameters:
    ///   - batchID: the batch id (`BatchID.compute`).
    ///   - endpoint: where the requests would go.
    ///   - forecast: what a run would do given the batch's journal; nil: every valid record
    ///     would be sent.
    public func planReport(batchID: String, endpoint: String, forecast: BatchForecast? = nil) -> String {
        var lines = ["plan"]
        if let forecast {
            lines.append("  endpoint    \(operation.apiCode) requests to \(endpoint)")
            lines += forecast.report
        } else {
            lines.append("  would send  \(valid) \(operation.apiCode) request\(valid == 1 ? "" : "s") to \(endpoint)")
            if invalid > 0 { lines.append("  not sent    \(invalid) invalid record\(invalid == 1 ? "" : "s") (see the errors file)") }
        }
        if operation.movesMoney {
            for total in totalsText { lines.append("  total       \(total) in the whole batch") }
            if !totalsText.isEmpty {
                lines.append("  confirm with: " + totalsText.map { "--confirm-total \($0)" }.joined(separator: " "))
            }
        }
        lines.append("  batch id    \(batchID)")
        return lines.joined(separator: "\n")
    }
}
