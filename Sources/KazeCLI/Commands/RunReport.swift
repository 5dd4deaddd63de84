// RunReport: how a finished run is told — a closing summary for people (counts that add up
// to the records, money per currency), or a JSON document for scripts.

import Foundation
import KazeBatch
import KazeProtocol

/// The closing report of run/reconcile.
struct RunReport {
    let request: BatchRequest
    let outcome: RunResult
    /// The command's words after `kazebatch` (`run recharge r.csv --rate 5`).
    let words: [String]
    /// When the command started and when the run ended.
    let started: Date
    let ended: Date

    private var summary: RunSummary { outcome.summary }

    /// The human summary (several lines).
    var text: String {
        var lines = ["batch \(request.batchID.prefix(16))  \(request.validation.operation.batchName)  \(request.validation.inputPath)"]
        let counts = RowOutcome.allCases.map { "\($0.rawValue) \(summary.count($0))" }.joined(separator: " · ")
        lines.append("records \(summary.records): \(counts)")
        for currency in summary.money.currencies {
            let parts = RowOutcome.allCases.map { outcome in
                let text = "\(outcome.rawValue.lowercased()) \(MoneyText.twoDecimals(summary.money.sum(currency, outcome)))"
                guard outcome == .succeeded else { return text }
                return text
                    + " (settled \(MoneyText.twoDecimals(summary.money.settled(currency))), pending \(MoneyText.twoDecimals(summary.money.pending(currency))))"
            }
            lines.append(
                "\(currency) requested \(MoneyText.twoDecimals(summary.money.requested(currency))) = " + parts.joined(separator: " + "))
        }
        if let stop = summary.journalStop {
            lines.append(
                "stopped: \(stop.file) could not be written; \(stop.requests) request\(stop.requests == 1 ? "" : "s") went out in this run")
        }
        if let reason = summary.haltReason { lines.append("halted: \(SafeText.shown(reason)); the rest were not sent") }
        if summary.haltReason == nil, summary.count(.skipped) > 0 {
            lines.append(
                "SKIPPED rows were held back behind an earlier row of the same card or email that is in doubt:"
                    + " run `kazebatch reconcile` later, then run again to send them")
        }
        if summary.count(.unknown) > 0 {
            lines.append(
                "UNKNOWN rows may or may not have been done: run `kazebatch reconcile` later (never resent unless --resend-unknown)")
        }
        lines += settleLines
        if outcome.tornJournalLine { lines.append("note: the journal ended in a torn line (a crash) that was ignored") }
        if outcome.recoveredAuditRows > 0 {
            lines.append(
                "note: \(outcome.recoveredAuditRows) journal event\(outcome.recoveredAuditRows == 1 ? " was" : "s were") missing"
                    + " from the audit file (a crash or a write failure) and were appended from the journal, code RECOVERED")
        }
        lines.append("results \(request.resultsPath)")
        lines.append(
            "audit   \(request.auditPath) (head \(outcome.auditHead)"
                + (outcome.auditCheckpoint.map { ", signed up to seq \($0))" } ?? ", no signed checkpoint)"))
        return lines.joined(separator: "\n")
    }

    /// The JSON summary (one line).
    var json: String { JSONValue.object(document).compactText }

    /// The summary as a JSON object: the run's outcome plus who ran what, where and when.
    var document: JSONObject {
        let outcomes = JSONObject(RowOutcome.allCases.map { ($0.rawValue, JSONValue.number("\(summary.count($0))")) })
        let money = JSONObject(
            summary.money.currencies.map { currency in
                (
                    currency,
                    JSONValue.object(
                        JSONObject(
                            [("requested", JSONValue.string(MoneyText.twoDecimals(summary.money.requested(currency))))]
                                + RowOutcome.allCases.map {
                                    ($0.rawValue, JSONValue.string(MoneyText.twoDecimals(summary.money.sum(currency, $0))))
                                }
                                + [
                                    ("settled", .string(MoneyText.twoDecimals(summary.money.settled(currency)))),
                                    ("pending", .string(MoneyText.twoDecimals(summary.money.pending(currency)))),
                                ]))
                )
            })
        let document = JSONObject([
            ("batch", .string(request.batchID)), ("operation", .string(request.validation.operation.batchName)),
            ("input", .string(request.validation.inputPath)), ("records", .number("\(summary.records)")),
            ("outcomes", .object(outcomes)), ("money", .object(money)),
            ("halted", summary.haltReason.map(JSONValue.string) ?? .null),
            ("stopped", summary.journalStop.map { JSONValue.string($0.description) } ?? .null),
            ("recoveredAuditRows", .number("\(outcome.recoveredAuditRows)")),
            ("results", .string(request.resultsPath)), ("audit", .string(request.auditPath)),
            ("auditHead", .string(outcome.auditHead)),
            ("auditCheckpoint", outcome.auditCheckpoint.map { JSONValue.number("\($0)") } ?? .null), ("settle", settleJSON),
            ("exitCode", .number("\(ExitCode(outcome.verdict).rawValue)")),
        ])
        return JSONObject(document.members + provenance)
    }

    /// The report's fields beyond the summary: version, command line, user, host, times, rows
    /// sent, FAILED rows by code, the errors file and the latest checkpoint (none yet: null).
    private var provenance: [(String, JSONValue)] {
        let failures = JSONObject(summary.failureCodes.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number("\($0.value)")) })
        let seconds = (ended.timeIntervalSince(started) * 1000).rounded() / 1000
        return [
            ("version", .string(KazebatchVersion.text)), ("command", .string(CommandText.redacted(["kazebatch"] + words))),
            ("user", .string(RunnerIdentity.user)), ("host", .string(RunnerIdentity.host)),
            ("started", .string(Self.iso.format(started))), ("ended", .string(Self.iso.format(ended))),
            ("durationSeconds", .number("\(seconds)")), ("rowsSent", .number("\(summary.rowsSent)")),
            ("failuresByCode", .object(failures)), ("errors", .string(request.validation.errorsURL.path)),
            ("checkpoint", .null),
        ]
    }

    private static let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Keeps the report in the batch folder (`runs/<stamp>.json`) and returns the document
    /// with its path added (`report`), as `--json` prints it.
    /// - Throws: `CLIError` when the report cannot be written.
    func keep() throws -> JSONObject {
        let file: RunReportFile
        do { file = try RunReportFile.write(document, started: started, folder: request.folder) } catch let error as OutputError {
            throw CLIError("the run finished but its report could not be kept: \(error)", exitCode: .journalFailed)
        }
        return JSONObject(document.members + [("report", .string(file.path))])
    }

    /// Keeps the report in the batch folder and prints it as asked: JSON on stdout with
    /// --json, the summary on stdout unless --quiet; a stop because the journal could not be
    /// written also goes to stderr, always.
    /// - Throws: `CLIError` when the report cannot be kept (after the summary is printed).
    func keepAndPrint(json wantsJSON: Bool, quiet: Bool) throws {
        if let stop = summary.journalStop { Console.error(stop.description) }
        let kept = Result { try keep() }
        if wantsJSON {
            Console.json(JSONValue.object((try? kept.get()) ?? document).compactText)
        } else if !quiet {
            Console.out(text + ((try? kept.get())?.text("report").map { "\nreport  \($0)" } ?? ""))
        }
        _ = try kept.get()
    }
}
