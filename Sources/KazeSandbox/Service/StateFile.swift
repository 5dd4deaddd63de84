// StateFile: the optional `--state` file — loaded at start, rewritten atomically (mode 0600)
// after every committed change.

import Foundation
import KazeProtocol

/// Where the sandbox state is persisted.
struct StateFile: Sendable {
    let path: String

    /// The saved state, or `nil` when the file does not exist yet.
    /// - Throws: `SandboxStateError` when it exists but cannot be read.
    func load(rules: PlatformRules) throws -> SandboxState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SandboxStateError(path: path, problem: "cannot be read")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(Array(data))
        } catch {
            throw SandboxStateError(path: path, problem: "\(error)")
        }
        return try StateDecoder(path: path).state(root, rules: rules)
    }

    /// Writes `state` to a temporary file beside the target and renames it over the target.
    /// - Throws: `SandboxStateError` when the folder is not writable.
    func save(_ state: SandboxState) throws {
        let temporary = path + ".tmp"
        let bytes = Data(state.json.compactBytes)
        guard FileManager.default.createFile(atPath: temporary, contents: bytes, attributes: [.posixPermissions: 0o600])
        else { throw SandboxStateError(path: path, problem: "cannot write \(temporary)") }
        guard rename(temporary, path) == 0 else {
            throw SandboxStateError(path: path, problem: "cannot replace: \(String(cString: strerror(errno)))")
        }
    }
}
