// ByteSource: a file read front to back in fixed-size chunks, so any file size takes the same memory.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sequential chunked reads over an open file descriptor. Owns the descriptor.
final class ByteSource {
    /// Bytes asked for per read.
    static let chunkSize = 256 * 1024

    private let descriptor: Int32
    private let path: String

    /// Opens `path` for reading.
    /// - Throws: `InputError` when the file cannot be opened or is a folder.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(path: path, problem: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw InputError(path: path, problem: "is a folder, not a file")
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The next chunk of the file; empty at the end of the file.
    /// - Throws: `InputError` on a read failure.
    func nextChunk() throws -> [UInt8] {
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: ByteSource.chunkSize) { storage, initialized in
            initialized = 0
            while true {
                let got = systemRead(descriptor, storage.baseAddress, ByteSource.chunkSize)
                if got >= 0 { initialized = got; return }
                if errno != EINTR { failure = errno; return }
            }
        }
        guard failure == 0 else {
            throw InputError(path: path, problem: "cannot read the file: \(String(cString: strerror(failure)))")
        }
        return chunk
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
