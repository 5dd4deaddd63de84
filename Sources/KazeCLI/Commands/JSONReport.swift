// JSONReport: the pieces the `--json` reports of `validate` and `plan` share — a refusal as one
// JSON object, and money totals as an object of currency → amount text.

import KazeProtocol

/// Shared parts of the commands' JSON output.
enum JSONReport {
    /// `{"error":"…","exitCode":N}` for a command that refused.
    static func error(_ error: CLIError) -> String {
        JSONValue.object(
            JSONObject([
                ("error", .string(error.message)),
                ("exitCode", .number("\(error.exitCode.rawValue)")),
            ])
        ).compactText
    }

    /// `{"USD":"12.50",…}` from `CUR:amount` texts (`ValidationSummary.totalsText`).
    static func totals(_ texts: [String]) -> JSONValue {
        .object(
            JSONObject(
                texts.map { text in
                    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                    return (parts[0], JSONValue.string(parts.count > 1 ? parts[1] : ""))
                }))
    }
}
