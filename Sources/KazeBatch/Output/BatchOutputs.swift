// BatchOutputs: a batch folder's `outputs.json` — the results and errors files the batch last
// wrote (resolved paths) and when — so the batch's next run writes to the same files and
// other batches of the state dir can tell those files are taken.

import Foundation
import KazeProtocol

/// What `outputs.json` says about a batch's output files.
public struct BatchOutputs: Sendable, Equatable {
    /// The file's name in the batch folder.
    public static let fileName = "outputs.json"

    /// The results file, resolved (`ResolvedPath`).
    public let results: String
    /// The errors file, resolved, when the batch's run wrote one.
    public let errors: String?
    /// When the batch last wrote them (ISO 8601 UTC, milliseconds: compares as text).
    public let written: String

    /// The outputs of a run that wrote them now.
    public init(results: String, errors: String?) {
        self.init(results: results, errors: errors, written: Timestamp.text())
    }

    private init(results: String, errors: String?, written: String) {
        self.results = ResolvedPath.of(results)
        self.errors = errors.map(ResolvedPath.of)
        self.written = written
    }

    /// Reads `outputs.json` of `folder`; nil when the batch has none yet (or it is unreadable:
    /// a batch whose claim cannot be read claims nothing).
    public static func read(folder: StateFolder) -> BatchOutputs? {
        guard let data = FileManager.default.contents(atPath: folder.path + "/" + fileName),
            let object = (try? JSONValue.parse(Array(data)))?.objectValue,
            let results = object.text("results"), let written = object.text("written")
        else { return nil }
        return BatchOutputs(results: results, errors: object.text("errors"), written: written)
    }

    /// Writes `outputs.json` into `folder` atomically (mode 0600), replacing the old one.
    /// - Throws: `OutputError.io`.
    public func record(in folder: StateFolder) throws {
        let file = try AtomicFile(path: folder.path + "/" + Self.fileName)
        let object = JSONObject([
            ("results", .string(results)), ("errors", errors.map(JSONValue.string) ?? .null),
            ("written", .string(written)),
        ])
        try file.write(JSONValue.object(object).compactText + "\n")
        try file.commit()
    }
}
