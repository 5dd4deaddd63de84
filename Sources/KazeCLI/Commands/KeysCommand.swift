// KeysCommand: `kazebatch keys` (being built; see the open issues).

enum KeysCommand: Command {
    static let help = "usage: kazebatch keys ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch keys is not built yet")
    }
}
