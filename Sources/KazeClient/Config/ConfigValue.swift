// ConfigValue: one raw setting as text, with where it came from (for error messages) and the
// folder its relative paths are resolved from.

import Foundation

/// A setting before parsing.
struct ConfigValue: Sendable, Equatable {
    /// The value as text (JSON numbers and booleans as written).
    var text: String
    /// Where it was set: `--rate`, `KAZEBATCH_RATE` or `path/kazebatch.json: rate`.
    var origin: String
    /// The folder relative paths are resolved from (the config file's; the working directory otherwise).
    var baseDirectory: String

    /// `text` as an absolute, tilde-expanded path.
    var resolvedPath: String {
        let expanded = (text as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
