// ValidateCommand: `kazebatch validate` (being built; see the open issues).

enum ValidateCommand: Command {
    static let help = "usage: kazebatch validate ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch validate is not built yet")
    }
}
