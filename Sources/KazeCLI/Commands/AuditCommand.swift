// AuditCommand: `kazebatch audit verify <audit.csv> [--head HASH]` — walks the hash chain and
// names the first row that was edited, deleted, reordered or truncated.

import KazeBatch

enum AuditCommand: Command {
    static let help = """
        usage: kazebatch audit verify <audit.csv> [--head HASH]

        Checks the audit file's hash chain: each row's hash is SHA-256 of its other columns
        (as written, prev_hash included), and each prev_hash is the row before's hash. Reports
        the first bad row. With --head (the hash `run` printed), rows cut from the end are
        detected too. Exit 0 when intact, 1 when not, 2 when unreadable.
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["head"], boolean: [])
        guard arguments.positionals.count == 2, arguments.positionals[0] == "verify" else {
            throw CLIError("usage: kazebatch audit verify <audit.csv> [--head HASH]")
        }
        let path = arguments.positionals[1]
        let head = arguments.value("head")?.lowercased()
        if let head, head.utf8.count != 64 || !head.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            throw CLIError("--head must be the 64 hex digits of a hash printed by run, got \"\(head)\"")
        }
        do {
            let report = try AuditVerifier.verify(path: path, expectedHead: head)
            print("\(path): intact, \(report.rows) rows, head \(report.headHash)")
            return .success
        } catch let error as AuditError {
            if case .io = error { throw CLIError("\(error)") }
            print("\(error)")
            return .someFailed
        }
    }
}
