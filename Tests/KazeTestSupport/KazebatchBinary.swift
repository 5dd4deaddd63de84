// KazebatchBinary: where the built `kazebatch` executable of this package is, and a clear
// failure when it has not been built.

import Foundation

/// The `kazebatch` executable in this package's debug build folder.
public enum KazebatchBinary {
    /// `.build/debug/kazebatch` of this package (built by `swift build` / `swift test`).
    public static let url = PackageFolder.root.appendingPathComponent(".build/debug/kazebatch")

    /// The executable, or `TestSupportError.binaryMissing` when it was not built.
    @discardableResult
    public static func require() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw TestSupportError.binaryMissing(path: url.path)
        }
        return url
    }
}
