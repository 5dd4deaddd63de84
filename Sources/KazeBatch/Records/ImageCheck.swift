// ImageCheck: a KYC image file checked without trusting it — exists and is a readable regular file,
// starts with JPEG or PNG magic bytes, and is within the size limit. Validation reads only 8 bytes;
// the send-time read takes the whole file but never more than the limit plus one byte.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, and the bounded read, of one image file.
enum ImageCheck {
    /// The file `path` names, resolved against `folder` when it is relative.
    static func resolve(_ path: String, in folder: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }

    /// Why the image at `url` cannot be sent, or `nil` when it can. Reads 8 bytes.
    static func problem(at url: URL, column: String, maxBytes: Int) -> FieldProblem? {
        do {
            _ = try examine(url, column: column, maxBytes: maxBytes, whole: false)
            return nil
        } catch {
            return error
        }
    }

    /// The image at `url`, checked as `problem(at:)` checks it and read whole, holding at most
    /// `maxBytes` + 1 bytes however large the file has become.
    /// - Throws: the `FieldProblem` that makes it unsendable now.
    static func contents(of url: URL, column: String, maxBytes: Int) throws(FieldProblem) -> (kind: ImageFile.Kind, bytes: [UInt8]) {
        try examine(url, column: column, maxBytes: maxBytes, whole: true)
    }

    /// The checks and the read: the 8-byte prefix, or the whole file when `whole`.
    private static func examine(_ url: URL, column: String, maxBytes: Int, whole: Bool) throws(FieldProblem)
        -> (kind: ImageFile.Kind, bytes: [UInt8])
    {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)  // a FIFO must not block the check
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))"
            throw FieldProblem(.imageMissing, "\(column) \(path) \(reason)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw FieldProblem(.imageMissing, "\(column) \(path) is not a regular file")
        }
        let size = Int(status.st_size)
        // Room for one byte more than expected: a file that grew after fstat is caught, not cut.
        let capacity = whole ? min(size, maxBytes) + 1 : 8
        var bytes = [UInt8](repeating: 0, count: max(capacity, 8))
        guard let got = readFully(descriptor, into: &bytes, count: whole ? capacity : 8) else {
            throw FieldProblem(.imageMissing, "\(column) \(path) cannot be read")
        }
        guard let kind = ImageFile.kind(ofPrefix: Array(bytes.prefix(min(got, 8)))) else {
            throw FieldProblem(.imageType, "\(column) \(path) is not a JPEG or PNG file")
        }
        guard size <= maxBytes, got <= maxBytes else {
            throw FieldProblem(.imageTooLarge, "\(column) \(path) is \(max(size, got)) bytes; the limit is \(maxBytes)")
        }
        guard whole else { return (kind, Array(bytes.prefix(got))) }
        guard got == size else {
            throw FieldProblem(.imageMissing, "\(column) \(path) changed while it was read (\(size) bytes, then \(got))")
        }
        bytes.removeLast(bytes.count - got)
        return (kind, bytes)
    }

    /// Reads until `count` bytes are in `buffer` or the file ends; the number read, or `nil` on
    /// a read error.
    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], count: Int) -> Int? {
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += got
        }
        return filled
    }
}
