// AuditCommand: `kazebatch audit verify <audit.csv>` — walks the hash chain, checks every
// checkpoint's signature with the merchant public key, compares the file with the head the
// state dir recorded, and names the first row that was edited, deleted, reordered or cut.

import Foundation
import KazeBatch
import KazeClient
import KazeCrypto

enum AuditCommand: Command {
    static let help = """
        usage: kazebatch audit verify <audit.csv> [--public-key PEM] [--state-dir DIR] [--head HASH]

        Checks the audit file's hash chain (each row's hash is the SHA-256 of its other columns as
        written, prev_hash included, and each prev_hash is the row before's hash) and reports the
        first bad row. With --public-key, every CHECKPOINT row's signature (made with the merchant
        private key over the batch, seq and head hash) must hold, and rows after the last
        checkpoint are reported as unsigned: a file edited and re-hashed fails here. Without it the
        file is verified unsigned only. The head hash and checkpoint every run records in the state
        dir are checked too when found, so rows cut from the end are detected. Lines may end in LF
        or CRLF; files of older versions (no detail column) verify unsigned.

        options:
          --public-key PEM   the merchant public key (merchant.pub) that checks the
                             checkpoints' signatures                  (default: none, unsigned check)
          --state-dir DIR    where the runs recorded the file's head   (default: .kazebatch/ beside the file)
          --head HASH        a head hash saved earlier; it must be in the chain (default: none)

        exit status: 0 intact (with --public-key: every row signed) · 1 broken, or rows after the last
        checkpoint unsigned with --public-key · 2 usage error, unreadable file, key or record.

        examples:
          kazebatch audit verify pay.audit.csv --public-key keys/merchant.pub
          kazebatch audit verify /archive/pay.audit.csv --state-dir /srv/kazepay/.kazebatch
          kazebatch audit verify pay.audit.csv --head 3f5a…(64 hex digits)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["head", "public-key", "state-dir"], boolean: [])
        guard arguments.positionals.count == 2, arguments.positionals[0] == "verify" else {
            throw CLIError("usage: kazebatch audit verify <audit.csv> [--public-key PEM] [--state-dir DIR] [--head HASH]")
        }
        let path = arguments.positionals[1]
        let stateDir =
            arguments.value("state-dir")
            ?? URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".kazebatch").path
        var expected: [AuditVerifier.ExpectedHead] = []
        if let head = arguments.value("head")?.lowercased() {
            guard head.utf8.count == 64, head.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw CLIError("--head must be the 64 hex digits of a head hash, got \"\(head)\"")
            }
            expected.append(.init(hash: head, origin: "--head"))
        }
        let record: AuditHeadRecord?
        do { record = try AuditHeadRecord.load(stateDir: stateDir, auditPath: path) } catch { throw CLIError("\(error)") }
        if let record {
            expected.append(
                .init(hash: record.head, origin: "the state dir (\(AuditHeadRecord.path(stateDir: stateDir, auditPath: path)))"))
        }
        let key: RSAPublicKey?
        do { key = try arguments.value("public-key").map(KeyFile.publicKey(at:)) } catch {
            throw CLIError("--public-key: \(error)")
        }
        let report: AuditReport
        do { report = try AuditVerifier.verify(path: path, expectedHeads: expected, publicKey: key) } catch let error as AuditError {
            if case .io = error { throw CLIError("\(error)") }
            Console.out("\(error)")
            return .someFailed
        }
        Console.out(lines(path: path, report: report, record: record, stateDir: stateDir, signed: key != nil).joined(separator: "\n"))
        return key != nil && report.unsignedRows > 0 ? .someFailed : .success
    }

    /// What an intact file's check found, for the operator.
    private static func lines(path: String, report: AuditReport, record: AuditHeadRecord?, stateDir: String, signed: Bool) -> [String] {
        var lines = ["\(path): chain intact, \(report.rows) rows, head \(report.headHash)"]
        let last = report.lastCheckpoint.map { "the last at seq \($0)" } ?? "none"
        if signed {
            lines.append("checkpoints: \(report.checkpoints) signed and verified with the public key (\(last))")
            if report.unsignedRows > 0 {
                lines.append(
                    "UNSIGNED: the last \(report.unsignedRows) row\(report.unsignedRows == 1 ? "" : "s") (after "
                        + (report.lastCheckpoint.map { "seq \($0)" } ?? "the header") + ") carry no checkpoint signature")
            } else {
                lines.append("every row is covered by a verified checkpoint")
            }
        } else {
            lines.append(
                "verified unsigned only: \(report.checkpoints) checkpoint\(report.checkpoints == 1 ? "" : "s") (\(last)) not"
                    + " checked; give --public-key merchant.pub to check their signatures")
        }
        if report.legacy { lines.append("note: a file of an older kazebatch (no detail column, no checkpoints)") }
        if let record {
            lines.append("matches the head recorded in the state dir (seq \(record.seq), \(record.recorded))")
        } else {
            lines.append(
                "note: no head record for this file in \(stateDir): rows cut from its end cannot be detected"
                    + " (give --state-dir, or --head)")
        }
        return lines
    }
}
