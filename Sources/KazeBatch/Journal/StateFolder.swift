// StateFolder: where a batch keeps its journal and lock — `<state-dir>/<batch id>/`, with
// the state dir defaulting to `.kazebatch/` beside the input file.

import Foundation

/// The paths of one batch's state.
public struct StateFolder: Sendable, Equatable {
    /// `<state-dir>/<batch id>`.
    public let path: String

    /// - Parameters:
    ///   - batchID: the batch id (hex SHA-256 of op, input bytes, sysId, endpoint).
    ///   - stateDir: `--state-dir`, or `nil` for `.kazebatch/` beside `inputPath`.
    ///   - inputPath: the input file.
    public init(batchID: String, stateDir: String?, inputPath: String) {
        let root =
            stateDir
            ?? (URL(fileURLWithPath: inputPath).deletingLastPathComponent()
                .appendingPathComponent(".kazebatch").path)
        path = URL(fileURLWithPath: root).appendingPathComponent(batchID).path
    }

    /// The journal file.
    public var journalPath: String { path + "/journal.jsonl" }
    /// The lock file.
    public var lockPath: String { path + "/lock" }
    /// The batch's metadata (`batch.json`: operation, input path, creation time).
    public var infoPath: String { path + "/batch.json" }
    /// The state dir holding this batch's folder and its siblings.
    public var stateRoot: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    /// Creates the folder (and its parents, the state dir among them), mode 0700, and makes
    /// each new folder's name durable (fsync of the folder holding it) before anything is
    /// written inside.
    /// - Throws: `JournalError.io`.
    public func create() throws {
        var missing: [String] = []
        var folder = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            missing.append(folder.path)
            folder.deleteLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError.io(path: path, reason: "cannot create the state folder: \(error.localizedDescription)")
        }
        for created in missing { try FolderSync.syncName(of: created) }
    }
}
