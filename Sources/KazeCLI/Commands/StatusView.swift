// StatusView: how `status` prints a batch — the full report, the one-line refresh of
// `--watch` (rate, ETA, money so far), and the JSON object.

import Foundation
import KazeBatch
import KazeProtocol

/// The parts of a status report that do not change between refreshes.
struct StatusView {
    let validation: ValidationRequest
    /// The batch shown.
    let batch: BatchRef
    /// The other batches of the same file and operation, newest first.
    let others: [BatchRef]
    let folder: StateFolder
    /// Records in the input file now.
    let records: Int

    /// The full report.
    func text(_ status: BatchStatus) -> String {
        var lines = ["batch \(batch.id)  \(validation.operation.batchName)  \(validation.inputPath)  (started \(batch.info.createdMinute))"]
        lines.append("state \(folder.path)  " + (status.running ? "(a run holds the lock now)" : "(no run now)"))
        lines.append(
            "records \(records): " + BatchStatus.states.map { "\($0) \(status.count($0))" }.joined(separator: " · ")
                + " · NOT_STARTED \(notStarted(status))")
        for currency in status.money.currencies { lines.append("money \(currency): " + moneyText(status, currency)) }
        if let clock = PlatformClockRecord.read(path: folder.path + "/" + PlatformClockRecord.fileName) { lines.append(clock.summaryLine) }
        if status.tornJournal { lines.append("note: the journal ends in a torn line (a crash); it is ignored") }
        let runs = RunReportFile.list(folder: folder)
        for run in runs.suffix(Self.runsShown) { lines.append(Self.runLine(run)) }
        if runs.count > Self.runsShown { lines.append("(\(runs.count - Self.runsShown) earlier runs in \(folder.path)/runs)") }
        if !others.isEmpty {
            lines.append(
                "other batches of this file, newest first: "
                    + others.map { "\($0.shortID) (started \($0.info.createdMinute))" }.joined(separator: ", ")
                    + " — show one with --batch ID")
        }
        return lines.joined(separator: "\n")
    }

    /// `--watch`'s refresh line: rows finished, rate, ETA and money so far.
    func progressLine(_ status: BatchStatus, rowsPerSecond: Double) -> String {
        let left = records - status.finished
        let eta = rowsPerSecond > 0 && left > 0 ? ProgressPrinter.clock(Double(left) / rowsPerSecond) : "--"
        let money = status.money.currencies.map { "\($0) \(status.money.sum($0, .succeeded)) done" }.joined(separator: ", ")
        return "\(status.finished)/\(records) finished  " + String(format: "%.1f rows/s", rowsPerSecond) + "  ETA \(eta)"
            + (money.isEmpty ? "" : "  \(money)")
    }

    /// The report as one JSON object.
    func json(_ status: BatchStatus, rowsPerSecond: Double?) -> String {
        let counts = JSONObject(
            BatchStatus.states.map { ($0, JSONValue.number("\(status.count($0))")) }
                + [("NOT_STARTED", .number("\(notStarted(status))"))])
        let money = JSONObject(
            status.money.currencies.map { currency in
                (
                    currency,
                    JSONValue.object(
                        JSONObject(
                            RowOutcome.allCases.map {
                                ($0.rawValue, JSONValue.string(MoneyText.twoDecimals(status.money.sum(currency, $0))))
                            }))
                )
            })
        let clock: JSONValue =
            PlatformClockRecord.read(path: folder.path + "/" + PlatformClockRecord.fileName).map { record in
                .object(JSONObject([("offset", .string(record.offset.text)), ("source", .string(record.offset.source))]))
            } ?? .null
        return JSONValue.object(
            JSONObject([
                ("batch", .string(batch.id)), ("operation", .string(validation.operation.batchName)),
                ("input", .string(validation.inputPath)), ("created", .string(batch.info.created)),
                ("stateFolder", .string(folder.path)), ("records", .number("\(records)")), ("states", .object(counts)),
                ("money", .object(money)), ("running", .bool(status.running)),
                ("rowsPerSecond", rowsPerSecond.map { .number(String(format: "%.2f", $0)) } ?? .null),
                ("platformClock", clock), ("otherBatches", .array(others.map { .string($0.id) })),
                ("runs", .array(RunReportFile.list(folder: folder).map { .string($0.path) })),
            ])
        ).compactText
    }

    /// The runs listed in the text report (the newest).
    static let runsShown = 10

    /// One line per run report: `run 2026-12-03T09:26:00Z … 09:26:01Z: sent 4, exit 0 (report PATH)`.
    static func runLine(_ run: RunReportFile) -> String {
        let document = run.document
        let sent = document["rowsSent"]?.numberText ?? "?"
        let exit = document["exitCode"]?.numberText ?? "?"
        return "run \(document.text("started") ?? "?") … \(document.text("ended") ?? "?"): sent \(sent), exit \(exit)"
            + " (report \(run.path))"
    }

    private func notStarted(_ status: BatchStatus) -> Int { max(0, records - status.journaled) }

    private func moneyText(_ status: BatchStatus, _ currency: String) -> String {
        let parts: [(String, RowOutcome)] = [
            ("succeeded", .succeeded), ("failed", .failed), ("in doubt", .unknown),
            ("not finished", .skipped),
        ]
        return parts.map { "\($0.0) \(MoneyText.twoDecimals(status.money.sum(currency, $0.1)))" }.joined(separator: " · ")
    }
}
