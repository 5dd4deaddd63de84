// AtomicFile: writes a whole output file under a temporary name beside it (mode 0600) and
// renames it into place, so readers see the old file or the complete new one, never half.

import Foundation

/// A file being written; it appears at `path` only on `commit()`.
public final class AtomicFile {
    /// Where the file appears on commit.
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer = Data()

    /// Starts writing (the temporary file is created mode 0600).
    /// - Throws: `OutputError.io` when the folder is not writable or `path` is a folder.
    public init(path: String) throws {
        self.path = path
        var existing = stat()
        if stat(path, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFDIR {  // the rename would fail only at the end
            throw OutputError.io(path: path, reason: "is a folder, not a file")
        }
        let url = URL(fileURLWithPath: path)
        temporaryPath =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        unlink(temporaryPath)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutputError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    /// Adds text to the file.
    /// - Throws: `OutputError.io`.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: Array(text.utf8))
        if buffer.count >= 64 * 1024 { try flush() }
    }

    /// Flushes, syncs and renames the file into place (replacing any old one).
    /// - Throws: `OutputError.io`.
    public func commit() throws {
        try flush()
        guard fsync(fd) == 0, close(fd) == 0 else { throw OutputError.io(path: path, reason: String(cString: strerror(errno))) }
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError.io(path: path, reason: reason)
        }
    }

    private func flush() throws {
        let ok = buffer.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        guard ok else { throw OutputError.io(path: path, reason: String(cString: strerror(errno))) }
        buffer.removeAll(keepingCapacity: true)
    }
}
