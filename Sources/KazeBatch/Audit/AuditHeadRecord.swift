// AuditHeadRecord: the latest head and checkpoint of an audit file, kept in the state dir
// (`<state-dir>/audit-heads/<sha256 of the file's resolved path>.json`) by every batch that
// appends to the file, so `audit verify` detects rows cut from the end without the operator
// saving anything.

import Foundation

/// What the state dir knows of one audit file.
public struct AuditHeadRecord: Codable, Sendable, Equatable {
    /// The audit file's resolved path.
    public var auditFile: String
    /// The seq of its last row when recorded.
    public var seq: Int
    /// That row's hash.
    public var head: String
    /// The seq of its last checkpoint, nil when it has none.
    public var checkpoint: Int?
    /// When this was recorded (ISO 8601 UTC).
    public var recorded: String

    /// The folder of the records inside a state dir (no batch.json: batch scans skip it).
    static let folderName = "audit-heads"

    /// The record of `audit`'s current head and last checkpoint.
    public init(audit: AuditLog) {
        let head = audit.head
        auditFile = ResolvedPath.of(audit.path)
        seq = head.seq
        self.head = head.hash
        checkpoint = audit.lastCheckpoint
        recorded = Timestamp.text()
    }

    /// Where the record of the audit file at `auditPath` lives in `stateDir`.
    public static func path(stateDir: String, auditPath: String) -> String {
        stateDir + "/" + folderName + "/" + AuditDigest.hex(ResolvedPath.of(auditPath)) + ".json"
    }

    /// The record of `auditPath` in `stateDir`, nil when there is none.
    /// - Throws: `AuditError.io` when it exists but cannot be read or is not a record.
    public static func load(stateDir: String, auditPath: String) throws -> AuditHeadRecord? {
        let path = path(stateDir: stateDir, auditPath: auditPath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(AuditHeadRecord.self, from: data)
        else { throw AuditError.io(path: path, reason: "is not a readable audit head record") }
        return record
    }

    /// Writes the record into `stateDir` (atomically, mode 0600, its folder mode 0700).
    /// - Throws: `AuditError.io`.
    public func save(stateDir: String) throws {
        let path = AuditHeadRecord.path(stateDir: stateDir, auditPath: auditFile)
        let folder = stateDir + "/" + AuditHeadRecord.folderName
        do {
            if !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                try FolderSync.syncName(of: folder)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let file = try AtomicFile(path: path)
            try file.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n")
            try file.commit()
        } catch {
            throw AuditError.io(path: path, reason: "the audit head record cannot be written: \(error)")
        }
    }
}
