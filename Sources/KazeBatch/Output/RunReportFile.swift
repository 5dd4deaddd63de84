// RunReportFile: the completion report of one run, kept in the batch folder as
// `runs/<yyyyMMddTHHmmssZ>.json` (atomic, mode 0600), and the list of a batch's reports.

import Foundation
import KazeProtocol

/// One run's report in a batch folder.
public struct RunReportFile: Sendable, Equatable {
    /// The folder of the reports inside a batch folder.
    public static let folderName = "runs"

    /// The report file.
    public let path: String
    /// Its JSON document.
    public let document: JSONObject

    /// Writes `document` as the report of the run started at `started`; a second report in the
    /// same second gets `-2`, `-3`… so none is replaced.
    /// - Throws: `OutputError.io` when the folder or file cannot be written.
    @discardableResult
    public static func write(_ document: JSONObject, started: Date, folder: StateFolder) throws -> RunReportFile {
        let runs = folder.path + "/" + folderName
        do {
            try FileManager.default.createDirectory(
                atPath: runs, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutputError.io(path: runs, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        let stamp = Timestamp.compact(started)
        var path = runs + "/" + stamp + ".json"
        var next = 2
        while FileManager.default.fileExists(atPath: path) {
            path = runs + "/" + stamp + "-\(next).json"
            next += 1
        }
        let file = try AtomicFile(path: path)
        try file.write(JSONValue.object(document).compactText + "\n")
        try file.commit()
        return RunReportFile(path: path, document: document)
    }

    /// The reports of the batch in `folder`, oldest first (newest last); unreadable ones are left out.
    public static func list(folder: StateFolder) -> [RunReportFile] {
        let runs = folder.path + "/" + folderName
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted { order($0) < order($1) }
            .compactMap { name in
                let path = runs + "/" + name
                guard let data = FileManager.default.contents(atPath: path),
                    let document = (try? JSONValue.parse(Array(data)))?.objectValue
                else { return nil }
                return RunReportFile(path: path, document: document)
            }
    }

    /// Sort key: the stamp, then the same-second counter (`…Z.json` before `…Z-2.json`).
    private static func order(_ name: String) -> (String, Int) {
        let base = name.dropLast(".json".count)
        guard let dash = base.lastIndex(of: "-"), let counter = Int(base[base.index(after: dash)...]) else { return (String(base), 1) }
        return (String(base[..<dash]), counter)
    }
}
