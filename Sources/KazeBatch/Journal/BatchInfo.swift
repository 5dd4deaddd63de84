// BatchInfo: a batch folder's `batch.json` — the operation, the input file's resolved path and
// when the folder was made — so another batch of the same file can find what this one did.

import Foundation
import KazeProtocol

/// What `batch.json` says about a batch (never a secret: no keys, no card numbers).
public struct BatchInfo: Sendable, Equatable {
    /// The operation's API code (`cardRecharge`...), as `APIOperation.apiCode` spells it.
    public let operation: String
    /// The input file, resolved (`ResolvedPath`): how batches of one input file compare.
    public let input: String
    /// When the batch folder was made (ISO 8601, UTC, milliseconds: compares as text).
    public let created: String

    /// The metadata of a batch of `operation` on the file at `inputPath`, made now.
    public init(operation: APIOperation, inputPath: String) {
        self.init(operation: operation.apiCode, input: ResolvedPath.of(inputPath), created: Timestamp.text())
    }

    /// `created` to the minute, as messages show it (`2026-11-25 13:01 UTC`).
    public var createdMinute: String {
        created.count >= 16 ? created.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC" : created
    }

    /// Reads `batch.json` of `folder`, its input path resolved again (older versions wrote it
    /// only standardized, with symbolic links left in). Nil when the folder has none (older
    /// versions wrote none, and such a batch is simply not compared) or is not a folder.
    /// - Throws: `JournalError.io` when it exists but cannot be read or is not a batch.json.
    public static func read(folder: StateFolder) throws -> BatchInfo? {
        var status = stat()
        guard stat(folder.infoPath, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw JournalError.io(path: folder.infoPath, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard let data = FileManager.default.contents(atPath: folder.infoPath) else {
            throw JournalError.io(path: folder.infoPath, reason: "cannot be read")
        }
        guard let object = (try? JSONValue.parse(Array(data)))?.objectValue,
            let operation = object.text("operation"), let input = object.text("input"),
            let created = object.text("created")
        else { throw JournalError.io(path: folder.infoPath, reason: "is not a batch.json (operation, input, created)") }
        return BatchInfo(operation: operation, input: ResolvedPath.of(input), created: created)
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
