// KazebatchBinary: where the built `kazebatch` executable of this package is — the build
// folder that `swift build --show-bin-path` names — and a clear failure when it has not been
// built.

import Foundation

/// The `kazebatch` executable of this package's build.
public enum KazebatchBinary {
    /// The executable: `KAZEBATCH_BIN` when set; otherwise `kazebatch` in the build folder of
    /// the running tests (the folder `swift build --show-bin-path` prints for the configuration
    /// `swift test` built, which holds the test bundle too); otherwise in the folder that
    /// `swift build --show-bin-path` prints (when the tests run from elsewhere).
    public static let url: URL = {
        if let override = ProcessInfo.processInfo.environment["KAZEBATCH_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        if let beside = testBundleFolders().map({ $0.appendingPathComponent("kazebatch") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        {
            return beside
        }
        return (binPathFromSwiftBuild() ?? testBundleFolders()[0])
            .appendingPathComponent("kazebatch")
    }()

    /// The executable, or `TestSupportError.binaryMissing` when it was not built.
    @discardableResult
    public static func require() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw TestSupportError.binaryMissing(path: url.path)
        }
        return url
    }

    /// Where the running test bundle is: the folder of the test executable (Linux), and the
    /// folder holding the `.xctest` bundle (macOS).
    private static func testBundleFolders() -> [URL] {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") } ?? Bundle.main
        return [bundle.bundleURL, bundle.bundleURL.deletingLastPathComponent()]
    }

    /// What `swift build --show-bin-path` prints in the package root, or nil when it fails.
    private static func binPathFromSwiftBuild() -> URL? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--show-bin-path"]
        process.currentDirectoryURL = PackageFolder.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }
}
