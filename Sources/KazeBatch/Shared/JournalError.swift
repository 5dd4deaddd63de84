// JournalError: why a batch's state folder or journal could not be used.

/// A problem with the journal, lock or state folder, naming the path.
public enum JournalError: EngineError, Sendable, Equatable {
    /// `.locked` is another run's batch; the rest make the state folder unusable.
    public var verdict: RunVerdict {
        if case .locked = self { return .locked }
        return .unusable
    }

    /// The state folder or journal file could not be created, opened or written.
    case io(path: String, reason: String)
    /// A journal line other than the last is not a valid entry: the file was damaged.
    case corrupt(path: String, line: Int)
    /// Another run holds the batch's lock file.
    case locked(path: String, holder: String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "journal \(path): \(reason)"
        case .corrupt(let path, let line):
            "journal \(path) is damaged at line \(line) (only a torn last line is tolerated); move it aside to start the batch afresh"
        case .locked(let path, let holder):
            "the batch is locked by another run (\(holder)); lock file \(path)"
        }
    }
}
