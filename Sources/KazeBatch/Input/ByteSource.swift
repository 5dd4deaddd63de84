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

    private let descriptor: Int32
    private let path: String
    /// Bytes still to be read when the source reads only a prefix of the file.
    private var remaining: Int?
    /// Bytes asked for per read: `chunkSize`, or less where tests and fuzzers cut the file
    /// into small chunks to reach every chunk boundary.
    private let readSize: Int

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
            throw InputError(path: path, problem: (status.st_mode & S_IFMT) == S_IFDIR ? "is a folder, not a file"
                : "is not a regular file (a pipe or device); the input is read more than once, so save it to a file first")
        }
        self.descriptor = descriptor
        self.path = path
        remaining = limit
        self.readSize = readSize
        bytes = .allocate(capacity: Self.chunkSize)
    }

    deinit {
        close(descriptor)
        bytes.deallocate()
    }

    /// Reads the next chunk into `bytes`; returns its length, 0 at the end of the file.
    /// - Throws: `InputError` on a read failure.
    @discardableResult
    func fill() throws -> Int {
        while true {
            let got = systemRead(descriptor, bytes, min(readSize, remaining ?? readSize))
            if got >= 0 {
                count = got
                remaining = remaining.map { $0 - got }
                return got
            }
            guard errno == EINTR else {
                throw InputError(path: path, problem: "cannot read the file: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The current chunk as a buffer.
    var chunk: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
