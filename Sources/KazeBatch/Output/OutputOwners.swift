// OutputOwners: which batch of a state dir owns each results and errors file — the batch
// that wrote it last, by the `outputs.json` of every batch folder — so a run never replaces
// a file that holds another batch's outcomes.

import Foundation
import KazeProtocol

/// The owners of the output files named by the other batch folders of a state dir.
public struct OutputOwners: Sendable {
    /// A batch that owns a file.
    public struct Owner: Sendable, Equatable {
        /// The owning batch's id (its folder name).
        public let batchID: String
        /// Its batch.json, when it has one.
        public let info: BatchInfo?
        /// When it wrote the file.
        let written: String
    }

    private var latest: [String: Owner] = [:]

    /// Reads `outputs.json` of every batch folder of `folder`'s state dir.
    /// - Throws: `JournalError.io` when a sibling's batch.json exists but cannot be read.
    public static func load(besides folder: StateFolder) throws -> OutputOwners {
        var owners = OutputOwners()
        let root = folder.stateRoot
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() {
            let sibling = StateFolder(batchID: name, stateDir: root, inputPath: root)
            guard let outputs = BatchOutputs.read(folder: sibling) else { continue }
            let owner = Owner(batchID: name, info: try BatchInfo.read(folder: sibling), written: outputs.written)
            for path in [outputs.results] + (outputs.errors.map { [$0] } ?? []) {
                if let known = owners.latest[path], known.written >= owner.written { continue }
                owners.latest[path] = owner
            }
        }
        return owners
    }

    /// The other batch that owns `path`: one that wrote it last, when the file still exists.
    /// A batch of the same read-only operation on the same input (an earlier snapshot) never
    /// owns it against `batchID`: the latest snapshot replaces it.
    public func otherOwner(of path: String, batchID: String, operation: APIOperation, input: String) -> Owner? {
        let resolved = ResolvedPath.of(path)
        guard FileManager.default.fileExists(atPath: resolved), let owner = latest[resolved], owner.batchID != batchID
        else { return nil }
        if operation.isReadOnly, let info = owner.info, info.operation == operation.apiCode,
            info.input == ResolvedPath.of(input)
        {
            return nil
        }
        return owner
    }
}
