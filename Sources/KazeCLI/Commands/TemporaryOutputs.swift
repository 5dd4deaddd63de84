// TemporaryOutputs: the `.NAME.tmp-PID` files an output file is written under before it is
// renamed into place. A run killed outright leaves one behind; the next run removes it.

import Foundation

/// Finds and removes the temporary files written beside an output file.
enum TemporaryOutputs {
    /// Removes `.NAME.tmp-PID` beside `path` for `pid`, or — with no pid — for every process
    /// that no longer exists (a live one may be another run writing it now).
    static func remove(besides path: String, pid: Int32? = nil) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).tmp-"
        if let pid {
            unlink(folder + "/" + prefix + "\(pid)")
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let owner = Int32(name.dropFirst(prefix.count)), owner != getpid(),
                kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            unlink(folder + "/" + name)
        }
    }
}
