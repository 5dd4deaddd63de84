// KeyFile: reading PEM key files — the private key's permission check (as ssh does) and
// loading with errors that name the file but never show its content.

import Foundation
import KazeCrypto

/// Key files on disk.
public enum KeyFile {
    /// Key files are small; anything bigger is not a PEM key.
    static let maxBytes = 64 * 1024

    /// Throws unless `path` exists and has no group or other permission bits.
    static func checkPrivatePermissions(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigurationError.keyFileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            let octal = String(mode, radix: 8)
            throw ConfigurationError.keyFileTooOpen(path: path, mode: String(repeating: "0", count: 4 - octal.count) + octal)
        }
    }

    /// The merchant private key at `path`, after the permission check.
    /// - Throws: `ConfigurationError` naming the file (never showing its content).
    public static func privateKey(at path: String) throws -> RSAPrivateKey {
        try checkPrivatePermissions(path)
        let text = try read(path)
        do { return try RSAPrivateKey(pem: text) } catch { throw ConfigurationError.keyInvalid(path: path, reason: "\(error)") }
    }

    /// The public key at `path` (the platform's, or the merchant's for `audit verify`).
    /// - Throws: `ConfigurationError` naming the file.
    public static func publicKey(at path: String) throws -> RSAPublicKey {
        let text = try read(path)
        do { return try RSAPublicKey(pem: text) } catch { throw ConfigurationError.keyInvalid(path: path, reason: "\(error)") }
    }

    private static func read(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigurationError.keyFileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ConfigurationError.keyFileUnreadable(path: path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw ConfigurationError.keyFileUnreadable(path: path, reason: "larger than \(maxBytes) bytes, not a PEM key")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError.keyFileUnreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError.keyInvalid(path: path, reason: "not PEM text")
        }
        return text
    }
}
