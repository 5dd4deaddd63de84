// RunCommand: `kazebatch run` (being built; see the open issues).

enum RunCommand: Command {
    static let help = "usage: kazebatch run ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch run is not built yet")
    }
}
