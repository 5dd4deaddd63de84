// UnchangedInput: a batch source that reads only the bytes the batch id was computed from, and
// notices when the file changes while a run is going. A file appended to keeps those bytes: the
// run stops starting rows (`StopRequest`, reason `.inputChanged`), finishes those in flight and
// writes results and summary for the batch's own bytes; the appended rows are never read. A file
// edited or replaced no longer holds them: nothing more is read and the pass refuses.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps a `BatchSource` reading the first `size` bytes of `path`; every pass first checks
/// those bytes are still the ones the batch id covers, and every record read checks the file.
public struct UnchangedInput: BatchSource {
    /// The wrapped source.
    public let source: any BatchSource
    /// The input file.
    public let path: String
    /// The file's size when the batch started: the bytes the batch consists of.
    public let size: Int
    /// The batch id, computed over exactly those bytes.
    public let batchID: String
    /// Set (`.inputChanged`) as soon as a pass sees the file changed.
    public let stopRequest: StopRequest
    private let identity: [Int]
    private let fingerprint: @Sendable (Int) throws -> String

    /// Records the file's identity and size now, computes the batch id over that many bytes
    /// with `fingerprint`, and makes the source that reads only them with `makeSource`.
    /// - Throws: `InputError` when the file cannot be examined or read.
    public init(
        path: String, stopRequest: StopRequest, fingerprint: @escaping @Sendable (_ bytes: Int) throws -> String,
        makeSource: (_ bytes: Int) throws -> any BatchSource
    ) throws {
        self.path = path
        self.stopRequest = stopRequest
        self.fingerprint = fingerprint
        identity = try Self.identity(of: path)
        size = identity[2]
        batchID = try fingerprint(size)
        source = try makeSource(size)
    }

    /// Checks the batch's bytes are intact, then runs one pass of the wrapped source, asking
    /// the run to stop as soon as the file is seen changed.
    /// - Throws: `InputError` when the batch's bytes were edited or replaced, or what the pass throws.
    public func forEachRecord(_ body: (ValidationResult) throws -> Void) throws {
        if try changed() {
            guard try Self.identity(of: path)[2] >= size, try fingerprint(size) == batchID else {
                throw InputError(
                    path: path,
                    problem: "the file was edited or replaced while the batch was running, so it"
                        + " was not read again. The journal keeps what was sent: put the original file back and run the same"
                        + " command again (nothing is sent twice)")
            }
        }
        try source.forEachRecord { record in
            _ = try changed()
            try body(record)
        }
    }

    /// True when the file is no longer as it was at `init`; the first time, asks the run to stop.
    private func changed() throws -> Bool {
        if stopRequest.reason == .inputChanged { return true }
        guard try Self.identity(of: path) != identity else { return false }
        stopRequest.request(.inputChanged)
        return true
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
        return [
            Int(status.st_dev), Int(status.st_ino), Int(status.st_size), Int(modified.tv_sec), Int(modified.tv_nsec),
            Int(changed.tv_sec), Int(changed.tv_nsec),
        ]
    }
}
