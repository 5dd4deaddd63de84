// CallCommand: `kazebatch call` (being built; see the open issues).

enum CallCommand: Command {
    static let help = "usage: kazebatch call ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch call is not built yet")
    }
}
