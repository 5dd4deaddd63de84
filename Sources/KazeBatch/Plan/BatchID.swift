// BatchID: the identity of a batch — SHA-256 over the operation, the platform (sysId, endpoint)
// and every byte of the input file, read in chunks. A changed file is a new batch.

import Foundation
import KazeCrypto
import KazeProtocol

/// Computes batch ids.
public enum BatchID {
    /// Lowercase hex SHA-256 of, in order: the apiCode, sysId and endpoint (each as an 8-byte
    /// big-endian UTF-8 length then the UTF-8), then the input file's bytes.
    /// - Throws: `InputError` when the file cannot be read.
    public static func compute(operation: APIOperation, file: URL, sysId: String, endpoint: String) throws -> String {
        let hasher = SHA256Hasher()
        for part in [operation.apiCode, sysId, endpoint] {
            let bytes = Array(part.utf8)
            hasher.update((0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(bytes.count) >> (8 * UInt64($0))) })
            hasher.update(bytes)
        }
        let source = try ByteSource(path: file.path)
        while try source.fill() > 0 {
            hasher.update(UnsafeRawBufferPointer(source.chunk))
        }
        return Hex.encode(hasher.finalize())
    }
}
