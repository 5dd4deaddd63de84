// SandboxDirectory: the sandbox's folder — the platform and merchant key pairs (created when
// missing, private keys mode 0600) and the client config `kazebatch.json` pointing at it.

import Foundation
import KazeCrypto
import KazeProtocol

/// The files of a sandbox folder (default `.kazebatch/sandbox`).
public struct SandboxDirectory: Sendable {
    /// The folder.
    public let path: String

    /// A sandbox folder at `path` (created on first use).
    public init(path: String) { self.path = path }

    /// The platform private key and merchant public key, creating whatever is missing:
    /// `platform.pem`/`platform.pub`, and `merchant.pem`/`merchant.pub` unless a
    /// `merchant.pub` is already there (a merchant may bring only its public key).
    /// - Throws: `SandboxDirectoryError` naming the file, or `CryptoError` for a bad key.
    public func prepareKeys() throws -> (platformKey: RSAPrivateKey, merchantPublicKey: RSAPublicKey) {
        try createFolder()
        let platform = try privateKey("platform")
        try writeIfMissing("platform.pub", try platform.publicKey().pem(), mode: 0o644)
        let merchantPub = file("merchant.pub")
        if FileManager.default.fileExists(atPath: merchantPub) {
            return (platform, try RSAPublicKey(pem: try read("merchant.pub")))
        }
        let merchant = try privateKey("merchant")
        let merchantPublic = try merchant.publicKey()
        try writeIfMissing("merchant.pub", try merchantPublic.pem(), mode: 0o644)
        return (platform, merchantPublic)
    }

    /// Writes `kazebatch.json`: endpoint `http://127.0.0.1:PORT/` (`https` with `tls`, and then
    /// `caFile` `ca.pem`), `sysId`, the key paths relative to this folder (`merchant.pem`,
    /// `platform.pub`) and, when `profile` is not the default one, its three settings.
    /// - Returns: the config file's path.
    @discardableResult
    public func writeClientConfig(port: UInt16, sysId: String, tls: Bool = false, profile: CryptoProfile = .kazepayV1) throws -> String {
        var members: [(String, JSONValue)] = [
            ("endpoint", .string("\(tls ? "https" : "http")://127.0.0.1:\(port)/")), ("sysId", .string(sysId)),
            ("merchantKey", .string("merchant.pem")), ("platformPublicKey", .string("platform.pub")),
        ]
        if tls { members.append(("caFile", .string("ca.pem"))) }
        if profile != .kazepayV1 {
            members += [
                ("signDigest", .string(profile.signDigest.rawValue)),
                ("aesKeyBits", .number("\(profile.aesKeyBits.rawValue)")), ("aesMode", .string(profile.aesMode.rawValue)),
            ]
        }
        let config = JSONValue.object(JSONObject(members))
        try write("kazebatch.json", config.compactText + "\n", mode: 0o644)
        return file("kazebatch.json")
    }

    /// The full path of `name` in the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    private func privateKey(_ stem: String) throws -> RSAPrivateKey {
        if FileManager.default.fileExists(atPath: file("\(stem).pem")) {
            return try RSAPrivateKey(pem: try read("\(stem).pem"))
        }
        let key = try RSAPrivateKey.generate(bits: 2048)
        try write("\(stem).pem", try key.pkcs8PEM(), mode: 0o600)
        return key
    }

    private func createFolder() throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SandboxDirectoryError(path: path, problem: "cannot create the folder")
        }
    }

    private func read(_ name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file(name)) else {
            throw SandboxDirectoryError(path: file(name), problem: "cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func writeIfMissing(_ name: String, _ text: String, mode: Int) throws {
        guard !FileManager.default.fileExists(atPath: file(name)) else { return }
        try write(name, text, mode: mode)
    }

    /// Writes through a temporary file created with `mode` from the start, then renames it.
    private func write(_ name: String, _ text: String, mode: Int) throws {
        let target = file(name)
        let temporary = target + ".tmp"
        _ = unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard fd >= 0 else { throw SandboxDirectoryError(path: temporary, problem: "cannot be created") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            throw SandboxDirectoryError(path: temporary, problem: "cannot be written")
        }
        guard rename(temporary, target) == 0 else { throw SandboxDirectoryError(path: target, problem: "cannot be replaced") }
    }
}
