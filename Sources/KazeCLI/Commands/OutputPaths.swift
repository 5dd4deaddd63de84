// OutputPaths: refuses output paths (errors, results, audit) that name the input file or each
// other, so a careless `--results input.csv` cannot overwrite the very file being paid.

import Foundation
import KazeBatch

/// Checks that the files a command writes are distinct from its input and from one another.
enum OutputPaths {
    /// - Parameters:
    ///   - input: the input file's path.
    ///   - outputs: each output's option name and path, e.g. `("--results", "out.csv")`.
    /// - Throws: `CLIError` (exit 2) naming the two options that point at the same file.
    static func checkDistinct(input: String, outputs: [(option: String, path: String)]) throws {
        let named = [(option: "the input file", path: input)] + outputs
        for (index, first) in named.enumerated() {
            for second in named[(index + 1)...] where same(first.path, second.path) {
                let what = index == 0 ? "the input file" : "\(first.option) (\(first.path))"
                throw CLIError("\(second.option) \(second.path) is the same file as \(what); choose another path")
            }
        }
    }

    /// True when both paths name one file: the same inode when both exist, else the same
    /// absolute path after resolving `.`, `..` and symbolic links.
    static func same(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 { return a.st_dev == b.st_dev && a.st_ino == b.st_ino }
        return ResolvedPath.of(first) == ResolvedPath.of(second)
    }
}
