// StatusCommand: `kazebatch status <op> <file>` — what the batch's journal says, without
// sending anything or taking the lock.

import Foundation
import KazeBatch
import KazeProtocol

enum StatusCommand: Command {
    static let help = """
        usage: kazebatch status <op> <file> [--state-dir DIR] [--json] [--config PATH ...]

        Prints the batch id, its state folder, and how many rows the journal holds per state:
        SUCCEEDED, FAILED, UNKNOWN, IN FLIGHT (cut off by a crash; reconciled on the next run),
        and how many records are not started yet, and the platform clock offset reconciliation
        measured (clock.json). Exit 5 when rows are in doubt, 0 otherwise.
        The batch id depends on the configured sysId and endpoint, so give the same configuration
        as the run.

        \(ConfigOptions.help)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: BatchRequest.valued, boolean: BatchRequest.boolean)
        let request = try BatchRequest(arguments, command: "status")
        let index = try await BatchRequest.guarded { try JournalIndex.load(path: request.folder.journalPath) }
        var records = 0
        try await BatchRequest.guarded { try request.source.forEachRecord { _ in records += 1 } }
        var states: [String: Int] = [:]
        for row in index.rows {
            let name = row.state == .sent ? "IN_FLIGHT" : (row.state == .pending || row.state == .retry ? "STARTED" : row.state.rawValue)
            states[name, default: 0] += 1
        }
        let order = ["SUCCEEDED", "FAILED", "UNKNOWN", "IN_FLIGHT", "STARTED"]
        let notStarted = max(0, records - index.rows.count)
        let locked = try await BatchRequest.guarded { try BatchLock.holder(of: request.folder.lockPath) } != nil
        let clock = PlatformClockRecord.read(path: request.folder.path + "/" + PlatformClockRecord.fileName)
        if arguments.flag("json") {
            let clockJSON: JSONValue = clock.map { record in
                .object(JSONObject([("offset", .string(record.offset.text)), ("source", .string(record.offset.source))]))
            } ?? .null
            let counts = JSONObject(order.map { ($0, JSONValue.number("\(states[$0] ?? 0)")) } + [("NOT_STARTED", .number("\(notStarted)"))])
            print(JSONValue.object(JSONObject([
                ("batch", .string(request.batchID)), ("stateFolder", .string(request.folder.path)),
                ("records", .number("\(records)")), ("states", .object(counts)), ("running", .bool(locked)),
                ("platformClock", clockJSON),
            ])).compactText)
        } else {
            print("batch \(request.batchID)  \(request.validation.operation.batchName)  \(request.validation.inputPath)")
            print("state \(request.folder.path)\(locked ? "  (a run holds the lock now)" : "")")
            print("records \(records): " + order.map { "\($0) \(states[$0] ?? 0)" }.joined(separator: " · ") + " · NOT_STARTED \(notStarted)")
            if let clock { print(clock.summaryLine) }
            if index.hadTornLine { print("note: the journal ends in a torn line (a crash); it is ignored") }
        }
        return (states["UNKNOWN"] ?? 0) + (states["IN_FLIGHT"] ?? 0) > 0 ? .unknownRemain : .success
    }
}
