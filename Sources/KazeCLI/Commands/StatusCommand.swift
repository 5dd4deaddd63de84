// StatusCommand: `kazebatch status` (being built; see the open issues).

enum StatusCommand: Command {
    static let help = "usage: kazebatch status ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch status is not built yet")
    }
}
