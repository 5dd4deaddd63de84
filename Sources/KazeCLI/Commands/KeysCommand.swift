// KeysCommand: `kazebatch keys generate <dir>` — a new merchant RSA key pair: merchant.pem
// (PKCS#8, mode 0600) and merchant.pub (to upload to KazePay). Never overwrites.

import Foundation
import KazeCrypto

enum KeysCommand: Command {
    static let help = """
        usage: kazebatch keys generate <dir> [--bits N]

        Writes a new merchant key pair into <dir> (created if missing, mode 0700):
        merchant.pem, the private key (PKCS#8 PEM, mode 0600, keep it secret), and merchant.pub,
        the public key (SubjectPublicKeyInfo PEM) to upload to KazePay. Existing files are never
        overwritten. Then it prints the next steps.

        options:
          --bits 2048|3072|4096   RSA key size (default 2048)

        exit status: 0 written; 2 usage, or a file exists or cannot be written.

        examples:
          kazebatch keys generate ./keys
          kazebatch keys generate /etc/kazebatch/keys --bits 3072
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let args = try Arguments(words, valued: ["bits"], boolean: [])
        guard args.positionals.count == 2, args.positionals[0] == "generate" else { throw CLIError(help) }
        let bits = try args.integer("bits", in: 2048...4096) ?? 2048
        let folder = URL(fileURLWithPath: args.positionals[1])
        let privatePath = folder.appendingPathComponent("merchant.pem").path
        let publicPath = folder.appendingPathComponent("merchant.pub").path
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw CLIError("\(path) already exists; not overwriting it (choose another folder or move it away)")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIError("cannot create \(folder.path): \(error.localizedDescription)")
        }
        let key = try RSAPrivateKey.generate(bits: bits)
        try writeNew(privatePath, key.pkcs8PEM(), mode: 0o600)
        try writeNew(publicPath, key.publicKey().pem(), mode: 0o644)
        Console.out("wrote \(privatePath) (private key, mode 0600; keep it secret)")
        Console.out("wrote \(publicPath) (public key; upload it to KazePay)")
        Console.out(nextSteps(folder: folder.path))
        return .success
    }

    /// What to do with a new key pair in `folder`.
    static func nextSteps(folder: String) -> String {
        """

        next steps:
          1. upload \(folder)/merchant.pub to KazePay (merchant portal, API keys)
          2. put KazePay's public key beside it as \(folder)/platform.pub
          3. write kazebatch.json: {"endpoint": "https://...", "sysId": "YOUR SYS ID",
             "merchantKey": "\(folder)/merchant.pem", "platformPublicKey": "\(folder)/platform.pub"}
          4. run `kazebatch doctor` to check the keys, the endpoint and the crypto profile
        """
    }

    /// Creates `path` exclusively with `mode` and writes `text`, flushed to disk.
    private static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw CLIError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw CLIError("cannot set the mode of \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
        guard fsync(fd) == 0 else { throw CLIError("cannot flush \(path): \(String(cString: strerror(errno)))") }
    }
}
