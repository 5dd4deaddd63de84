// AuditCommand: `kazebatch audit` (being built; see the open issues).

enum AuditCommand: Command {
    static let help = "usage: kazebatch audit ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch audit is not built yet")
    }
}
