// BatchInfo: a batch folder's `batch.json` — the operation, the input file's absolute path and
// when the folder was made — so a later batch of the same file can find what this one paid.

import Foundation
import KazeProtocol

/// What `batch.json` says about a batch (never a secret: no keys, no card numbers).
public struct BatchInfo: Sendable, Equatable {
    /// The operation's API code (`ucardRecharge`...).
    public let operation: String
    /// The input file, absolute and standardized.
    public let input: String
    /// When the batch folder was made (ISO 8601, UTC).
    public let created: String

    /// The metadata of a batch of `operation` on the file at `inputPath`, made now.
    public init(operation: APIOperation, inputPath: String) {
        self.init(operation: operation.apiCode, input: Self.standardPath(inputPath), created: Timestamp.text())
    }

    /// The absolute, standardized form of `path`: how batches of one input file compare.
    public static func standardPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Reads `batch.json` of `folder`; nil when it is missing or not a batch.json (older
    /// versions wrote none, and such a batch is simply not compared).
    public static func read(folder: StateFolder) -> BatchInfo? {
        guard let data = FileManager.default.contents(atPath: folder.infoPath),
              let object = (try? JSONValue.parse(Array(data)))?.objectValue,
              let operation = object.text("operation"), let input = object.text("input"),
              let created = object.text("created")
        else { return nil }
        return BatchInfo(operation: operation, input: input, created: created)
    }

    private init(operation: String, input: String, created: String) {
        (self.operation, self.input, self.created) = (operation, input, created)
    }

    /// Writes `batch.json` into `folder` atomically, unless it is already there.
    /// - Throws: `OutputError.io` when it cannot be written.
    public func recordIfMissing(in folder: StateFolder) throws {
        guard !FileManager.default.fileExists(atPath: folder.infoPath) else { return }
        let file = try AtomicFile(path: folder.infoPath)
        let object = JSONObject([("operation", .string(operation)), ("input", .string(input)), ("created", .string(created))])
        try file.write(JSONValue.object(object).compactText + "\n")
        try file.commit()
    }
}
