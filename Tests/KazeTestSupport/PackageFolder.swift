// PackageFolder: this package's root folder (found from this file's path, never the current
// directory) and the sample files under `samples/`.

import Foundation

/// Files of this package's checkout.
public enum PackageFolder {
    /// The package root: three levels above this file (`Tests/KazeTestSupport/<file>`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `samples/`.
    public static func sample(_ path: String) -> URL { root.appendingPathComponent("samples/\(path)") }
}
