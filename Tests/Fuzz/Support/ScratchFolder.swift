// ScratchFolder: a private temporary folder for the fuzz targets whose parsers read files (the
// readers, the config loader). One per process, removed when the process exits.

import Foundation

/// The process's scratch folder.
public enum ScratchFolder {
    /// `kazebatch-fuzz-<pid>` in the temporary folder, created on first use.
    public static let path: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kazebatch-fuzz-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the fuzz scratch folder \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.path) }
        return path
    }()

    /// Writes `bytes` to `name` in the folder (replacing it) and returns the file's path.
    public static func write(_ bytes: [UInt8], to name: String) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            fatalError("cannot write the fuzz input to \(file)")
        }
        return file
    }
}
