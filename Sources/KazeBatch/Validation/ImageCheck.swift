// ImageCheck: a KYC image file checked without loading it — exists and is a readable regular file,
// starts with JPEG or PNG magic bytes, and is within the size limit. Only 8 bytes are read.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Offline checks of one image file.
enum ImageCheck {
    /// The file `path` names, resolved against `folder` when it is relative.
    static func resolve(_ path: String, in folder: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }

    /// Why the image at `url` cannot be sent, or `nil` when it can.
    static func problem(at url: URL, column: String, maxBytes: Int) -> FieldProblem? {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)  // a FIFO must not block the check
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))"
            return FieldProblem(.imageMissing, "\(column) \(path) \(reason)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return FieldProblem(.imageMissing, "\(column) \(path) is not a regular file")
        }
        var prefix = [UInt8](repeating: 0, count: 8)
        let got = prefix.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 8) }
        guard got >= 0 else { return FieldProblem(.imageMissing, "\(column) \(path) cannot be read") }
        guard ImageFile.kind(ofPrefix: Array(prefix.prefix(got))) != nil else {
            return FieldProblem(.imageType, "\(column) \(path) is not a JPEG or PNG file")
        }
        guard Int(status.st_size) <= maxBytes else {
            return FieldProblem(.imageTooLarge, "\(column) \(path) is \(status.st_size) bytes; the limit is \(maxBytes)")
        }
        return nil
    }
}
