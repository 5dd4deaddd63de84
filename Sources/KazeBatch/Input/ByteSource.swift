// ByteSource: a file read front to back through one fixed 256 KiB buffer, so any file size takes
// the same memory. Readers index the buffer directly (no reference counting per byte).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sequential chunked reads over an open file descriptor. Owns the descriptor and the buffer.
final class ByteSource {
    /// Bytes asked for per read.
    static let chunkSize = 256 * 1024

    /// The current chunk; bytes `0..<count` are valid.
    let bytes: UnsafeMutablePointer<UInt8>
    /// How many bytes of `bytes` the last `fill()` read; 0 at the end of the file.
    private(set) var count = 0
    /// Bytes at the front of `bytes` left out of `chunk` (a byte order mark).
    private var skipped = 0

    private let descriptor: Int32
    private let path: String
    /// Bytes still to be read when the source reads only a prefix of the file.
    private var remaining: Int?
    /// Bytes asked for per read: `chunkSize`, or less where tests and fuzzers cut the file
    /// into small chunks to reach every chunk boundary.
    private let readSize: Int
    /// Size of `bytes`: `readSize`, and at least the three bytes of a byte order mark.
    private let capacity: Int

    /// Opens `path` for reading (only its first `limit` bytes when given), `readSize` bytes
    /// (1 to `chunkSize`) at a time.
    /// - Throws: `InputError` when the file cannot be opened or is a folder.
    init(path: String, limit: Int? = nil, readSize: Int = chunkSize) throws {
        precondition((1...Self.chunkSize).contains(readSize), "read size out of range")
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)  // a FIFO must not block the open
        guard descriptor >= 0 else {
            throw InputError(path: path, problem: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw InputError(
                path: path,
                problem: (status.st_mode & S_IFMT) == S_IFDIR
                    ? "is a folder, not a file"
                    : "is not a regular file (a pipe or device); the input is read more than once, so save it to a file first")
        }
        self.descriptor = descriptor
        self.path = path
        remaining = limit
        self.readSize = readSize
        capacity = max(readSize, 3)
        bytes = .allocate(capacity: capacity)
    }

    deinit {
        close(descriptor)
        bytes.deallocate()
    }

    /// Reads the next chunk into `bytes`; returns its length, 0 at the end of the file.
    /// - Throws: `InputError` on a read failure.
    @discardableResult
    func fill() throws -> Int {
        skipped = 0
        count = try read(into: bytes, capacity: readSize)
        return count
    }

    /// Reads the file's first chunk — at least three bytes unless the file is shorter, however
    /// short the reads — and leaves a leading UTF-8 byte order mark out of `chunk`.
    /// - Returns: the length of `chunk`, 0 at the end of the file.
    /// - Throws: `InputError` on a read failure.
    @discardableResult
    func fillSkippingByteOrderMark() throws -> Int {
        try fill()
        while (1..<3).contains(count) {
            let got = try read(into: bytes + count, capacity: min(readSize, capacity - count))
            if got == 0 { break }
            count += got
        }
        guard count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return count }
        if count == 3 { return try fill() }  // the mark alone: an empty chunk would read as the end
        skipped = 3
        return count - skipped
    }

    /// One read of at most `capacity` bytes into `buffer`, retried on EINTR; 0 at the end.
    private func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        while true {
            let got = systemRead(descriptor, buffer, min(capacity, remaining ?? capacity))
            if got >= 0 {
                remaining = remaining.map { $0 - got }
                return got
            }
            guard errno == EINTR else {
                throw InputError(path: path, problem: "cannot read the file: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The current chunk as a buffer.
    var chunk: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes + skipped, count: count - skipped) }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
