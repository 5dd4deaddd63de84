// SandboxCommand: `kazebatch sandbox` (being built; see the open issues).

enum SandboxCommand: Command {
    static let help = "usage: kazebatch sandbox ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch sandbox is not built yet")
    }
}
