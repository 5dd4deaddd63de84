// UnchangedInput: a batch source that refuses to start a pass when the input file is no longer
// the one the batch id was computed from — edited in place, replaced or appended to while a run
// was going — so what is sent, confirmed and summed is always that one file's content.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps a `BatchSource` reading `path`; every pass first checks the file is unchanged since `init`.
public struct UnchangedInput: BatchSource {
    /// The wrapped source.
    public let source: any BatchSource
    /// The input file.
    public let path: String
    private let identity: [Int]

    /// Records the file's identity now (call it before computing the batch id).
    /// - Throws: `InputError` when the file cannot be examined.
    public init(source: any BatchSource, path: String) throws {
        self.source = source
        self.path = path
        identity = try Self.identity(of: path)
    }

    /// Checks the file, then runs one pass of the wrapped source.
    /// - Throws: `InputError` when the file changed since `init`, or what the pass throws.
    public func forEachRecord(_ body: (RecordOutcome) throws -> Void) throws {
        guard try Self.identity(of: path) == identity else {
            throw InputError(path: path, problem: "the file changed while the batch was running (edited, replaced or appended to),"
                + " so it was not read again. The journal keeps what was sent: put the original file back and run the same"
                + " command again (nothing is sent twice)")
        }
        try source.forEachRecord(body)
    }

    /// Device, inode, size, and modification and change times (to the nanosecond).
    private static func identity(of path: String) throws -> [Int] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw InputError(path: path, problem: "cannot examine the file: \(String(cString: strerror(errno)))")
        }
        #if canImport(Darwin)
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        return [Int(status.st_dev), Int(status.st_ino), Int(status.st_size), Int(modified.tv_sec), Int(modified.tv_nsec),
                Int(changed.tv_sec), Int(changed.tv_nsec)]
    }
}
