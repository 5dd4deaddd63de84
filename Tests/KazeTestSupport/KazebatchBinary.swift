// KazebatchBinary: where the built `kazebatch` executable of this package is, and a clear
// failure when it has not been built.

import Foundation

/// The `kazebatch` executable of the build that is running the tests.
public enum KazebatchBinary {
    /// `kazebatch` next to the running test executable — `.build/debug/kazebatch` for `swift
    /// test`, `.build/asan/debug/kazebatch` for `make sanitize`'s AddressSanitizer run, so process
    /// tests run the binary built with the same sanitizer — else `.build/debug/kazebatch`.
    public static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("kazebatch")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return PackageFolder.root.appendingPathComponent(".build/debug/kazebatch")
    }()

    /// The executable, or `TestSupportError.binaryMissing` when it was not built.
    @discardableResult
    public static func require() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw TestSupportError.binaryMissing(path: url.path)
        }
        return url
    }
}
