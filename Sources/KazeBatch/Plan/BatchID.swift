// BatchID: the identity of a batch — SHA-256 over the operation, the platform (sysId, endpoint
// in canonical form) and every byte of the input file, read in chunks. A changed file is a new
// batch; another spelling of the same endpoint is not.

import Foundation
import KazeCrypto
import KazeProtocol

/// Computes batch ids.
public enum BatchID {
    /// Lowercase hex SHA-256 of, in order: the apiCode, sysId and canonical endpoint
    /// (`canonicalEndpoint`; each as an 8-byte big-endian UTF-8 length then the UTF-8), then
    /// the input file's bytes (only the first `limit` when given).
    /// - Throws: `InputError` when the file cannot be read.
    public static func compute(
        operation: APIOperation, file: URL, sysId: String, endpoint: String,
        limit: Int? = nil
    ) throws -> String {
        let hasher = platformHasher(operation: operation, sysId: sysId, endpoint: endpoint)
        let source = try ByteSource(path: file.path, limit: limit)
        while try source.fill() > 0 {
            hasher.update(UnsafeRawBufferPointer(source.chunk))
        }
        return Hex.encode(hasher.finalize())
    }

    /// As `compute(operation:file:sysId:endpoint:)`, with `content` in place of a file's bytes.
    public static func compute(operation: APIOperation, content: [UInt8], sysId: String, endpoint: String) -> String {
        let hasher = platformHasher(operation: operation, sysId: sysId, endpoint: endpoint)
        hasher.update(content)
        return Hex.encode(hasher.finalize())
    }

    /// A hasher fed the apiCode, sysId and canonical endpoint, each length-prefixed.
    private static func platformHasher(operation: APIOperation, sysId: String, endpoint: String) -> SHA256Hasher {
        let hasher = SHA256Hasher()
        for part in [operation.apiCode, sysId, canonicalEndpoint(endpoint)] {
            let bytes = Array(part.utf8)
            hasher.update((0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(bytes.count) >> (8 * UInt64($0))) })
            hasher.update(bytes)
        }
        return hasher
    }

    /// The one spelling of an endpoint that batch ids use, so every way of writing the same
    /// platform address names the same batch: scheme and host in lowercase, `localhost` as
    /// `127.0.0.1`, the port always written (http 80, https 443 when absent), and no trailing
    /// slash when the path is empty (`HTTP://LocalHost/` → `http://127.0.0.1:80`). A non-empty
    /// path and a query are kept as written. Text that is not a URL with a scheme and host is
    /// returned unchanged.
    public static func canonicalEndpoint(_ endpoint: String) -> String {
        guard let parts = URLComponents(string: endpoint), let scheme = parts.scheme?.lowercased(),
            var host = parts.host?.lowercased(), !host.isEmpty
        else { return endpoint }
        if host == "localhost" { host = "127.0.0.1" }
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        let defaultPort = ["http": 80, "https": 443][scheme]
        let port = (parts.port ?? defaultPort).map { ":\($0)" } ?? ""
        let path = parts.percentEncodedPath == "/" ? "" : parts.percentEncodedPath
        let query = parts.percentEncodedQuery.map { "?\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)\(path)\(query)"
    }
}
