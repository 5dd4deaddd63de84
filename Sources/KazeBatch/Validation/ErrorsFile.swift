// ErrorsFile: the errors CSV (`line,ref,field,code,message`), streamed to a private temporary file
// beside its destination and renamed into place when complete, so readers never see half a file.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one errors CSV atomically, with mode 0600.
public final class ErrorsFile {
    /// The header row.
    public static let header = ["line", "ref", "field", "code", "message"]

    /// The final path.
    public let url: URL
    private let temporaryPath: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false

    /// `<folder>/<name without extension>.errors.csv` beside the input (`recharge.csv` →
    /// `recharge.errors.csv`).
    public static func defaultURL(forInput input: URL) -> URL {
        input.deletingPathExtension().appendingPathExtension("errors.csv")
    }

    /// Starts writing the errors file that will replace `url`.
    /// - Throws: `InputError` naming the path when the temporary file cannot be created.
    public init(url: URL) throws {
        self.url = url
        temporaryPath =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw InputError(path: url.path, problem: "cannot write the errors file: \(String(cString: strerror(errno)))")
        }
        fchmod(descriptor, 0o600)
        buffer.append(contentsOf: CSVFormat.row(Self.header).utf8)
    }

    /// Header-level problems already written: each goes in once, at the header's line.
    private var headerIssuesWritten: Set<String> = []

    deinit {
        close(descriptor)
        if !committed { unlink(temporaryPath) }
    }

    /// Adds one row per issue.
    /// - Throws: `InputError` when the disk refuses the bytes.
    public func add(_ issues: [RecordIssue]) throws {
        for issue in issues {
            if issue.isHeaderLevel, !headerIssuesWritten.insert(issue.headerKey).inserted { continue }
            let row = [String(issue.line), issue.ref, issue.field, issue.code, issue.message]
            buffer.append(contentsOf: CSVFormat.row(row).utf8)
        }
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Flushes, syncs and renames the file into place.
    /// - Throws: `InputError` when writing or renaming fails.
    public func commit() throws {
        try flush()
        guard fsync(descriptor) == 0, rename(temporaryPath, url.path) == 0 else {
            throw InputError(path: url.path, problem: "cannot write the errors file: \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw InputError(path: url.path, problem: "cannot write the errors file: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
