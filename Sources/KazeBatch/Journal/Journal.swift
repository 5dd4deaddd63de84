// Journal: the append-only JSONL file of one batch. Appends are group-committed: entries
// that arrive while a write is in progress go out together, and every caller returns only
// after its entry is on disk (write + fsync), with the byte offset where it starts.

import Foundation

/// The writer of one batch's journal. Safe to share between concurrent rows.
public final class Journal: @unchecked Sendable {
    /// The journal file.
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var pending: [(Data, CheckedContinuation<UInt64, Error>)] = []
    private var draining = false
    private let queue = DispatchQueue(label: "kazebatch.journal")
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Opens (creating if needed) the journal at `path` for appending. A torn last line left
    /// by a crash (see `InterruptedWrite`) is cut off first, so new entries start on a line of
    /// their own where `JournalIndex.load`, which ignores it by the same rule, expects them.
    /// - Throws: `JournalError.io`.
    public init(path: String) throws {
        self.path = path
        let created = !FileManager.default.fileExists(atPath: path)
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: String(cString: strerror(errno))) }
        if created { try FolderSync.syncName(of: path) }
        try InterruptedWrite.cut(fd: fd, path: path)
    }

    deinit { close(fd) }

    /// Appends `entry` and returns once it is durable, with the byte offset of its line (for
    /// `JournalIndex`, which reads entries back by offset).
    /// - Throws: `JournalError.io` when the write or fsync fails.
    @discardableResult
    public func append(_ entry: JournalEntry) async throws -> UInt64 {
        var data: Data
        do { data = try Journal.encoder.encode(entry) } catch {
            throw JournalError.io(path: path, reason: "cannot encode an entry: \(error)")
        }
        data.append(0x0A)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt64, Error>) in
            lock.lock()
            pending.append((data, continuation))
            let start = !draining
            draining = true
            lock.unlock()
            if start { queue.async { self.drain() } }
        }
    }

    /// Writes and fsyncs everything queued, group by group, until the queue is empty.
    private func drain() {
        while true {
            lock.lock()
            let group = pending
            pending = []
            if group.isEmpty { draining = false }
            lock.unlock()
            if group.isEmpty { return }
            var bytes = Data()
            var offsets: [UInt64] = []
            let end = lseek(fd, 0, SEEK_END)  // O_APPEND writes land at the end; one writer per batch
            for (data, _) in group {
                offsets.append(UInt64(max(0, end)) + UInt64(bytes.count))
                bytes.append(data)
            }
            let failure: JournalError? = end < 0 ? .io(path: path, reason: String(cString: strerror(errno))) : writeAndSync(bytes)
            for ((_, continuation), offset) in zip(group, offsets) {
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: offset) }
            }
        }
    }

    private func writeAndSync(_ bytes: Data) -> JournalError? {
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        guard ok, fsync(fd) == 0 else { return .io(path: path, reason: String(cString: strerror(errno))) }
        return nil
    }
}
