// BatchPreflight: the guards `run` passes before a batch sends anything, against doing rows
// twice across batches of one input file (its resolved path, in one state dir):
// 1. a file with the bytes of another file that ran is refused (it would resume that batch;
//    not for read-only operations, whose every run is a fresh snapshot batch);
// 2. while another batch of the same file holds its lock, the run is refused (busy) — checked
//    again by BatchRunner once the run holds its own lock;
// 3. the repeat guard: the subjects of the rows the other batches did or started — all of
//    them for a new batch, those made since it for a resumed one — for the validation pass
//    to compare every valid record with. `--allow-repeat` skips only this third guard.

import Foundation
import KazeProtocol

/// The checks before a batch of `operation` on `inputPath` runs in `folder`.
public struct BatchPreflight: Sendable {
    /// The batch's operation.
    public var operation: APIOperation
    /// The batch's state folder.
    public var folder: StateFolder
    /// The input file as the operator named it.
    public var inputPath: String
    /// True to skip the repeat guard (`--allow-repeat`): rows may be done twice.
    public var allowRepeat = false

    public init(operation: APIOperation, folder: StateFolder, inputPath: String) {
        (self.operation, self.folder, self.inputPath) = (operation, folder, inputPath)
    }

    /// Runs guards 1 and 2 and loads what guard 3 compares with (empty for read-only
    /// operations and with `allowRepeat`). Only reads: never takes a lock or writes a file.
    /// - Throws: `BatchGuardError` — `sameContents`, `otherBatchRunning`, or `unreadable`
    ///   when this batch's or another batch's batch.json, lock or journal, or the state dir,
    ///   cannot be read.
    public func check() throws -> RepeatGuard {
        let input = ResolvedPath.of(inputPath)
        let resuming = FileManager.default.fileExists(atPath: folder.journalPath)
        let own = try readable(folder.infoPath) { try BatchInfo.read(folder: folder) }
        if resuming, !operation.isReadOnly, let own, own.input != input {
            throw BatchGuardError.sameContents(input: inputPath, batch: BatchRef(id: folderName(folder), info: own))
        }
        let others = try otherBatches(of: input)
        try refuseIfRunning(others)
        var repeatGuard = RepeatGuard(operation: operation, resuming: resuming)
        guard !operation.isReadOnly, !allowRepeat else { return repeatGuard }
        let since = resuming ? own?.created : nil
        for other in others where other.info.operation == operation.apiCode && since.map({ other.info.created >= $0 }) ?? true {
            let journalPath = stateFolder(other.id).journalPath
            try readable(journalPath) { try repeatGuard.add(JournalIndex.load(path: journalPath), of: other) }
        }
        if resuming && repeatGuard.count > 0 {
            repeatGuard.ownJournal = try readable(folder.journalPath) { try JournalIndex.load(path: folder.journalPath) }
        }
        return repeatGuard
    }

    /// Guard 2 again, for a run that now holds its own batch's lock (`BatchRunner`): of two
    /// batches of one file started at the same moment, both past `check()`, at least one
    /// sees the other's lock here and stops before sending.
    /// - Throws: `BatchGuardError.otherBatchRunning` or `.unreadable`.
    public func refuseWhileAnotherBatchRuns() throws {
        try refuseIfRunning(otherBatches(of: ResolvedPath.of(inputPath)))
    }

    private func refuseIfRunning(_ others: [BatchRef]) throws {
        for other in others {
            let lockPath = stateFolder(other.id).lockPath
            if let holder = try readable(lockPath, { try BatchLock.holder(of: lockPath) }) {
                throw BatchGuardError.otherBatchRunning(input: inputPath, batch: other, holder: holder)
            }
        }
    }

    /// The other batches in the state dir whose batch.json names `input`, by id.
    private func otherBatches(of input: String) throws -> [BatchRef] {
        let own = folderName(folder)
        return try Self.batches(of: inputPath, stateRoot: folder.stateRoot).filter { $0.id != own }
    }

    /// Every batch in `stateRoot` whose batch.json names the file `inputPath` (resolved), by id.
    /// Only reads.
    /// - Throws: `BatchGuardError.unreadable` when the state dir cannot be listed or a batch.json read.
    public static func batches(of inputPath: String, stateRoot root: String) throws -> [BatchRef] {
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        let input = ResolvedPath.of(inputPath)
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
            throw BatchGuardError.unreadable(input: inputPath, path: root, reason: "(the state dir) cannot be listed")
        }
        var found: [BatchRef] = []
        for name in names.sorted() {
            let sibling = StateFolder(batchID: name, stateDir: root, inputPath: inputPath)
            guard let info = try readable(sibling.infoPath, input: inputPath, { try BatchInfo.read(folder: sibling) }),
                info.input == input
            else { continue }
            found.append(BatchRef(id: name, info: info))
        }
        return found
    }

    /// Runs `body`, turning a `JournalError` about `path` into `BatchGuardError.unreadable`.
    private func readable<T>(_ path: String, _ body: () throws -> T) throws -> T {
        try Self.readable(path, input: inputPath, body)
    }

    private static func readable<T>(_ path: String, input inputPath: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as JournalError {
            let reason: String
            switch error {
            case .io(_, let why): reason = why
            case .corrupt(_, let line): reason = "is damaged at line \(line)"
            case .locked(_, let holder): reason = "is locked by \(holder)"
            }
            throw BatchGuardError.unreadable(input: inputPath, path: path, reason: reason)
        }
    }

    private func stateFolder(_ id: String) -> StateFolder { StateFolder(batchID: id, stateDir: folder.stateRoot, inputPath: inputPath) }

    private func folderName(_ folder: StateFolder) -> String { URL(fileURLWithPath: folder.path).lastPathComponent }
}
