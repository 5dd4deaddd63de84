// PlanCommand: `kazebatch plan` (being built; see the open issues).

enum PlanCommand: Command {
    static let help = "usage: kazebatch plan ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch plan is not built yet")
    }
}
