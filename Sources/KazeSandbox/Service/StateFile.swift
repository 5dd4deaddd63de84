// StateFile: the optional `--state` file — a snapshot of the whole state (rewritten atomically,
// mode 0600) and, beside it, the operation log (FILE.log, and FILE.log.old while a compaction
// is under way) whose entries since the snapshot complete it.

import Foundation
import KazeProtocol

/// Where the sandbox state is persisted.
struct StateFile: Sendable {
    let path: String

    /// The operation log appended to after every change.
    var logPath: String { path + ".log" }
    /// The log set aside by a compaction until its snapshot is written.
    var retiredLogPath: String { path + ".log.old" }

    /// The saved state (snapshot, then the entries of the set-aside log and of the log), and
    /// the number of the last log entry in it; `nil` when there is no snapshot yet.
    /// - Throws: `SandboxStateError` when a file exists but cannot be read or makes no sense.
    func load(rules: PlatformRules) throws -> (state: SandboxState, lastEntry: Int)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let decoder = StateDecoder(path: path)
        let root: JSONValue
        do {
            root = try JSONValue.parse(try read(path))
        } catch let error as SandboxStateError {
            throw error
        } catch {
            throw SandboxStateError(path: path, problem: "\(error)")
        }
        var state = try decoder.state(root, rules: rules)
        var last = root.objectValue?["logSeq"]?.numberText.flatMap { Int($0) } ?? 0
        for log in [retiredLogPath, logPath] where FileManager.default.fileExists(atPath: log) {
            last = try StateDecoder(path: log).replay(String(decoding: try read(log), as: UTF8.self), onto: &state, after: last)
        }
        state.indexUnsettled()
        return (state, last)
    }

    /// Writes `state` (including log entries up to `lastEntry`) to a temporary file beside the
    /// target, flushes it to disk and renames it over the target.
    /// - Throws: `SandboxStateError` when the folder is not writable.
    func save(_ state: SandboxState, lastEntry: Int) throws {
        guard var root = state.json.objectValue else { return }
        root["logSeq"] = .number(String(lastEntry))
        let temporary = path + ".tmp"
        _ = unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw SandboxStateError(path: path, problem: "cannot write \(temporary)") }
        let written = WholeWrite.toFile(fd, JSONValue.object(root).compactBytes) && fsync(fd) == 0
        _ = close(fd)
        guard written else { throw SandboxStateError(path: path, problem: "cannot write \(temporary)") }
        guard rename(temporary, path) == 0 else {
            throw SandboxStateError(path: path, problem: "cannot replace: \(String(cString: strerror(errno)))")
        }
    }

    private func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SandboxStateError(path: file, problem: "cannot be read")
        }
        return Array(data)
    }
}
