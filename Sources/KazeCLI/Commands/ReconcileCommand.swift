// ReconcileCommand: `kazebatch reconcile` (being built; see the open issues).

enum ReconcileCommand: Command {
    static let help = "usage: kazebatch reconcile ..."
    static func run(_ words: [String]) async throws -> ExitCode {
        throw CLIError("kazebatch reconcile is not built yet")
    }
}
