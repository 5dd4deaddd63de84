// StatusCommand: `kazebatch status <op> <file>` — what a batch's journal says, from another
// shell while it runs or after: no lock taken, no keys, configuration or network needed.

import Foundation
import KazeBatch
import KazeProtocol

enum StatusCommand: Command {
    static let help = """
        usage: kazebatch status <op> <file> [options]

        Shows a batch of <file> from its state folder alone — no keys, configuration or network:
        the batch (the newest one of this file and operation, the others listed; or --batch),
        rows per journal state (SUCCEEDED, FAILED, UNKNOWN; IN_FLIGHT a request out with no
        outcome journaled; PENDING journaled, no request out or the last attempt did nothing;
        NOT_STARTED records of the file with no journal entry), money per currency and outcome
        for recharges, whether a run holds the batch's lock now, and the platform clock offset
        reconciliation measured. Never takes the lock.

        options:
          --state-dir DIR     journal folder root (default: .kazebatch/ beside the input)
          --batch ID          this batch (its id or the first characters of it) (default: the newest)
          --watch             refresh every --interval seconds until the run ends (default: off)
          --interval N        seconds between refreshes with --watch (default 5)
          --format csv|jsonl  input format (default: from the extension)
          --json              one JSON object (per refresh with --watch) on stdout (default off)

        exit status: 0 the batch could be reported (running or not; no batch yet too) · 2 usage, an
        unreadable file or state folder, or no batch --batch names.

        examples:
          kazebatch status recharge payroll.csv
          kazebatch status recharge payroll.csv --watch --interval 10
          kazebatch status recharge payroll.csv --batch 3f9a2c --json
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(
            words, valued: BatchRequest.valued.union(["batch", "interval"]),
            boolean: BatchRequest.boolean.union(["watch"]))
        let validation = try ValidationRequest(arguments, command: "status")
        let interval = try arguments.number("interval", in: 1...3600) ?? 5
        let json = arguments.flag("json")
        let root =
            arguments.value("state-dir")
            ?? StateFolder(batchID: "batch", stateDir: nil, inputPath: validation.inputPath).stateRoot
        let batches = try await BatchRequest.guarded { try BatchPreflight.batches(of: validation.inputPath, stateRoot: root) }
            .filter { $0.info.operation == validation.operation.apiCode }
            .sorted { ($0.info.created, $0.id) > ($1.info.created, $1.id) }
        let chosen: BatchRef
        if let wanted = arguments.value("batch") {
            guard let match = batches.first(where: { $0.id.hasPrefix(wanted.lowercased()) }) else {
                throw CLIError(
                    "--batch \(wanted): no \(validation.operation.batchName) batch of \(validation.inputPath) in \(root)"
                        + " has that id" + (batches.isEmpty ? "" : " (there are: \(batches.map(\.shortID).joined(separator: ", ")))"))
            }
            chosen = match
        } else {
            guard let newest = batches.first else {
                if json {
                    Console.json(JSONValue.object(JSONObject([("batch", .null), ("input", .string(validation.inputPath))])).compactText)
                } else {
                    Console.out("no \(validation.operation.batchName) batch of \(validation.inputPath) in \(root) yet (it never ran)")
                }
                return .success
            }
            chosen = newest
        }
        let folder = StateFolder(batchID: chosen.id, stateDir: root, inputPath: validation.inputPath)
        var records = 0
        do {
            try BatchValidator(
                operation: validation.operation, file: validation.inputURL, format: validation.format,
                options: validation.options
            ).forEachRecord { _ in records += 1 }
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        let view = StatusView(
            validation: validation, batch: chosen, others: batches.filter { $0.id != chosen.id },
            folder: folder, records: records)
        var previous: (status: BatchStatus, time: Date)?
        while true {
            let status = try await BatchRequest.guarded { try BatchStatus(folder: folder, operation: validation.operation) }
            let now = Date()
            let pace = previous.map { Double(status.finished - $0.status.finished) / max(0.001, now.timeIntervalSince($0.time)) }
            if json {
                Console.json(view.json(status, rowsPerSecond: pace))
            } else if previous == nil || !status.running {
                Console.out(view.text(status))
            } else {
                Console.out(view.progressLine(status, rowsPerSecond: pace ?? 0))
            }
            guard arguments.flag("watch"), status.running else { break }
            previous = (status, now)
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
        return .success
    }
}
