// InputFormat: which reader an input file needs — CSV or JSONL — from its extension or `--format`.

import Foundation

/// The two input file formats kazebatch reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object per line.
    case jsonl

    /// The format named by `override` (`--format`), else by the file's extension
    /// (`.csv`, `.jsonl`; case-insensitive).
    /// - Throws: `InputError` when the override is not a format or the extension says nothing.
    public static func detect(path: String, override: String?) throws -> InputFormat {
        if let override {
            guard let format = InputFormat(rawValue: override.lowercased()) else {
                throw InputError(path: path, problem: "--format must be csv or jsonl, got \"\(override)\"")
            }
            return format
        }
        let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = InputFormat(rawValue: fileExtension) else {
            throw InputError(
                path: path, problem: "cannot tell the format from the extension; name the file .csv or .jsonl or pass --format")
        }
        return format
    }
}
