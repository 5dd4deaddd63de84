// ResolvedPath: the one absolute spelling of a file's path — symbolic links and `.`/`..`
// resolved by the kernel (realpath) — so two ways of reaching one file compare equal.

import Foundation

/// Resolves paths for comparison.
public enum ResolvedPath {
    /// `path` made absolute with every symbolic link and `.`/`..` resolved (`link/../a.csv`
    /// follows `link` first, as the kernel does). A file that does not exist (yet) gets its
    /// folder resolved and its name kept; when even the folder cannot be resolved, the
    /// absolute path with `.` and `..` removed as text.
    public static func of(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path)
        if let resolved = real(absolute.path) { return resolved }
        if let folder = real(absolute.deletingLastPathComponent().path) {
            return URL(fileURLWithPath: folder).appendingPathComponent(absolute.lastPathComponent).path
        }
        return absolute.standardizedFileURL.path
    }

    private static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
