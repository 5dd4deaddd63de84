// FolderSync: makes a new name durable. A file or folder created and fsync'd can still vanish
// in a power cut until the folder holding its name is fsync'd too.

import Foundation

/// fsync of the folder that holds a name.
enum FolderSync {
    /// fsyncs the folder holding `path`, so a newly created `path` survives a power cut.
    /// Filesystems that cannot sync a folder (EINVAL) are accepted as they are.
    /// - Throws: `JournalError.io` when the folder cannot be opened or synced.
    static func syncName(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.io(path: parent, reason: "cannot be opened to sync: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw JournalError.io(path: parent, reason: "cannot be synced: \(String(cString: strerror(errno)))")
        }
    }
}
